// Search (issue 13 point 3): a combobox over people, teams, skills, credentials and roles
// (WAI-ARIA combobox with a listbox popup: arrows move, Enter opens, Escape closes), in the header
// and in a command palette on Ctrl/⌘+K. The API scopes results: a manager never sees other teams' people.
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { listQueries } from '../../api/listQueries';
import type { SearchResult } from '../../api/listContract';
import { useUi } from '../../stores/ui';
import './search.css';

const KIND_LABEL: Record<SearchResult['kind'], string> = { team: 'Team', skill: 'Skill', credential: 'Credential', role: 'Role', person: 'Person' };

function useOpenResult() {
  const navigate = useNavigate();
  return (result: SearchResult) => {
    switch (result.kind) {
      case 'person':
        return navigate({ to: '/employees/$employeeId', params: { employeeId: result.id } });
      case 'team':
        return navigate({ to: '/teams/$team', params: { team: result.id } });
      case 'skill':
        return navigate({ to: '/heatmap', search: { category: result.category } });
      case 'credential':
      case 'role':
        return navigate({ to: '/catalog' });
    }
  };
}

interface SearchComboboxProps {
  label: string;
  /** Called once a result is opened (the palette closes itself). */
  onOpened?: () => void;
  /** Take the focus when shown (the palette, opened on purpose with Ctrl/⌘+K). */
  focusOnMount?: boolean;
}

export function SearchCombobox({ label, onOpened, focusOnMount }: SearchComboboxProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) input.current?.focus();
  }, [focusOnMount]);
  const persona = useUi((state) => state.persona);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const query = useDeferredValue(text.trim());
  const search = useQuery({ ...listQueries.search(persona, query), enabled: query.length > 0, placeholderData: keepPreviousData });
  const results = query.length > 0 ? (search.data?.results ?? []) : [];
  const open = useOpenResult();
  const shown = expanded && results.length > 0;
  const activeIndex = Math.min(active, results.length - 1);

  function choose(result: SearchResult | undefined) {
    if (!result) return;
    setExpanded(false);
    setText('');
    void open(result);
    onOpened?.();
  }

  return (
    <div className="search-combobox">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={shown}
        aria-controls={`${id}-results`}
        aria-autocomplete="list"
        aria-activedescendant={shown && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
        autoComplete="off"
        placeholder="Search people, teams, skills…"
        ref={input}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setExpanded(true);
        }}
        onBlur={() => setExpanded(false)}
        onFocus={() => setExpanded(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setExpanded(true);
            setActive(results.length === 0 ? 0 : (activeIndex + 1) % results.length);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(results.length === 0 ? 0 : (activeIndex - 1 + results.length) % results.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (shown) choose(results[activeIndex]);
          } else if (event.key === 'Escape' && shown) {
            // The first Escape closes the list; the next one (in the palette) closes the palette.
            event.preventDefault();
            event.stopPropagation();
            setExpanded(false);
          }
        }}
      />
      <div id={`${id}-results`} role="listbox" aria-label={`${label}: results`} className="search-results" hidden={!shown}>
        {results.map((result, index) => (
          <div
            key={`${result.kind}:${result.id}`}
            id={`${id}-option-${index}`}
            role="option"
            // Focus stays in the input (aria-activedescendant); -1 only lets a pointer focus it.
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'active' : undefined}
            // mousedown, not click: the input's blur would hide the list before the click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(result);
            }}
          >
            <span className="search-result-label">{result.label}</span>
            <span className="search-result-detail">
              {KIND_LABEL[result.kind]}
              {result.kind === 'person' || result.kind === 'skill' || result.kind === 'credential' ? ` · ${result.detail.replace(/^(Skill|Credential) · /, '')}` : ''}
            </span>
          </div>
        ))}
      </div>
      {expanded && query.length > 0 && search.data && results.length === 0 ? (
        <p className="search-results muted" role="status">
          Nothing matches “{query}”.
        </p>
      ) : null}
    </div>
  );
}

/** The command palette: Ctrl+K (⌘+K on a Mac) opens a dialog with the search; Escape closes it. */
export function SearchPalette() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="search-palette" aria-label="Search" onClose={() => setOpen(false)}>
      {open ? <SearchCombobox label="Search Gapmap" focusOnMount onOpened={() => setOpen(false)} /> : null}
      <p className="muted">↑ ↓ to move, Enter to open, Esc to close.</p>
    </dialog>
  );
}

/** The header's search box, with the palette's shortcut beside it. */
export function HeaderSearch() {
  return (
    <div className="header-search">
      <SearchCombobox label="Search people, teams, skills, credentials and roles" />
      <SearchPalette />
    </div>
  );
}
