// Who is looking: L&D manager (all teams), a team's manager (that team only), or HR (read and export).
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { gapmapQueries } from '../api/queries';
import { encodePersona, decodePersona, type Persona } from '../api/contract';
import { DEFAULT_PERSONA, useUi } from '../stores/ui';
import { useOptionsOnDemand } from '../components/useOptionsOnDemand';

/** `asPrerendered`: drawn as in the prerendered first screen (the default persona, no team yet), for the render that adopts it (src/app/adoption.ts). */
export function PersonaSwitch({ asPrerendered = false }: { asPrerendered?: boolean }) {
  const chosen = useUi((state) => state.persona);
  const persona: Persona = asPrerendered ? DEFAULT_PERSONA : chosen;
  const setPersona = useUi((state) => state.setPersona);
  const navigate = useNavigate();
  // The team list as the L&D manager sees it: a persona switch must offer every team.
  const session = useQuery({ ...gapmapQueries.session({ kind: 'lnd' }), enabled: !asPrerendered });
  const teams = session.data?.teams ?? (persona.kind === 'manager' ? [persona.team] : []);
  // 4,000 teams are 4,000 options: drawn when the switch is about to be used.
  const { drawAll, triggers } = useOptionsOnDemand(teams.length);
  const drawn = drawAll ? teams : persona.kind === 'manager' ? [persona.team] : [];
  return (
    <div className="persona-switch">
      <label htmlFor="persona">Viewing as</label>
      <select
        id="persona"
        value={encodePersona(persona)}
        {...triggers}
        onChange={(event) => {
          const next = decodePersona(event.target.value);
          if (!next) return;
          setPersona(next);
          // A page of another team would now be refused: start again from the Overview.
          if (next.kind === 'manager') void navigate({ to: '/' });
        }}
      >
        <option value="lnd">L&amp;D manager — all teams</option>
        <option value="hr">HR — all teams, read and export</option>
        <optgroup label="Manager of a team">
          {drawn.map((team) => (
            <option key={team} value={encodePersona({ kind: 'manager', team })}>
              Manager — {team}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
