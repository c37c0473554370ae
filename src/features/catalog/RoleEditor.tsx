// Edits a role's requirements as a what-if: nothing is stored until the scenario is kept. A skill
// chosen under "Add a skill" but not yet added is added by "Try it" (and said so); Close asks
// before dropping edits that were not tried.
import { useId, useState } from 'react';
import type { Requirement, Role, Skill } from '../../domain/schema';
import { textCollator } from '../../domain/sorting';

interface RoleEditorProps {
  role: Role;
  skills: Skill[];
  onApply: (role: Role) => void;
  onClose: () => void;
  pending: boolean;
}

const NEW_REQUIREMENT = { level: 3, weight: 'important' } as const;

function sameRequirements(a: readonly Requirement[], b: readonly Requirement[]): boolean {
  return a.length === b.length && a.every((requirement, index) => requirement.skill === b[index]?.skill && requirement.level === b[index]?.level && requirement.weight === b[index]?.weight);
}

export function RoleEditor({ role, skills, onApply, onClose, pending }: RoleEditorProps) {
  const id = useId();
  const [requirements, setRequirements] = useState<Requirement[]>(role.requirements);
  const [newSkill, setNewSkill] = useState('');
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [note, setNote] = useState('');
  const skillName = new Map(skills.map((skill) => [skill.id, skill.name]));
  const nameOf = (skill: string) => skillName.get(skill) ?? skill;
  const unused = skills.filter((skill) => !requirements.some((requirement) => requirement.skill === skill.id)).sort((a, b) => textCollator().compare(a.name, b.name));
  const update = (index: number, patch: Partial<Requirement>) => setRequirements(requirements.map((requirement, at) => (at === index ? { ...requirement, ...patch } : requirement)));
  const dirty = newSkill !== '' || !sameRequirements(requirements, role.requirements);
  const addChosen = () => {
    setRequirements([...requirements, { skill: newSkill, ...NEW_REQUIREMENT }]);
    setNote(`${nameOf(newSkill)} added at level ${NEW_REQUIREMENT.level}, ${NEW_REQUIREMENT.weight}.`);
    setNewSkill('');
  };
  return (
    <form
      className="role-editor"
      aria-label={`Edit the requirements of ${role.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        // A skill chosen but not added is part of what the user means to try.
        const tried = newSkill ? [...requirements, { skill: newSkill, ...NEW_REQUIREMENT }] : requirements;
        if (newSkill) {
          setRequirements(tried);
          setNote(`${nameOf(newSkill)}, chosen under “Add a skill”, was added at level ${NEW_REQUIREMENT.level}, ${NEW_REQUIREMENT.weight}, and is part of what you try.`);
          setNewSkill('');
        }
        onApply({ ...role, requirements: tried });
      }}
    >
      <ul className="role-editor-list">
        {requirements.map((requirement, index) => (
          <li className="role-editor-row" key={requirement.skill}>
            <span className="role-editor-skill">{nameOf(requirement.skill)}</span>
            <span className="role-editor-controls">
              <select aria-label={`Level of ${nameOf(requirement.skill)}`} value={requirement.level} onChange={(event) => update(index, { level: Number(event.target.value) })}>
                {[1, 2, 3, 4, 5].map((level) => (
                  <option key={level} value={level}>
                    Level {level}
                  </option>
                ))}
              </select>
              <select aria-label={`Weight of ${nameOf(requirement.skill)}`} value={requirement.weight} onChange={(event) => update(index, { weight: event.target.value as Requirement['weight'] })}>
                <option value="critical">Critical</option>
                <option value="important">Important</option>
                <option value="nice-to-have">Nice to have</option>
              </select>
              <button type="button" className="secondary" aria-label={`Remove ${nameOf(requirement.skill)}`} onClick={() => setRequirements(requirements.filter((_, at) => at !== index))}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="inline-form role-editor-add">
        <label htmlFor={`${id}-add`}>Add a skill</label>
        <select id={`${id}-add`} value={newSkill} onChange={(event) => setNewSkill(event.target.value)}>
          <option value="">Choose…</option>
          {unused.map((skill) => (
            <option key={skill.id} value={skill.id}>
              {skill.name}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" disabled={!newSkill} onClick={addChosen}>
          Add
        </button>
      </div>
      <p role="status" className="muted">
        {note}
      </p>
      {confirmingClose ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Close without trying your changes to {role.name}? They will be lost.</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={onClose}>
              Discard changes
            </button>
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the question just appeared: focus its safe answer */}
            <button type="button" className="secondary" autoFocus onClick={() => setConfirmingClose(false)}>
              Keep editing
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="submit" disabled={pending}>
            Try it (what-if)
          </button>
          <button type="button" className="secondary" onClick={() => (dirty ? setConfirmingClose(true) : onClose())}>
            Close
          </button>
        </div>
      )}
    </form>
  );
}
