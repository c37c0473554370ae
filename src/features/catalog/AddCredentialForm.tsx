// Adds a credential to the catalog as a what-if: see which gaps it would close before buying it.
import { useId, useState } from 'react';
import type { Credential, Skill } from '../../domain/schema';

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function AddCredentialForm({ skills, existingIds, onApply, pending }: { skills: Skill[]; existingIds: Set<string>; onApply: (credential: Credential) => void; pending: boolean }) {
  const id = useId();
  const [name, setName] = useState('');
  const [issuer, setIssuer] = useState('');
  const [skill, setSkill] = useState('');
  const [level, setLevel] = useState(3);
  const [hours, setHours] = useState('');
  const [cost, setCost] = useState('');
  const [validity, setValidity] = useState('');
  const sortedSkills = [...skills].sort((a, b) => a.name.localeCompare(b.name));
  let credentialId = slug(name) || 'new-credential';
  for (let n = 2; existingIds.has(credentialId); n++) credentialId = `${slug(name)}-${n}`;
  return (
    <form
      className="form-grid"
      aria-label="Add a credential to the catalog (what-if)"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({
          id: credentialId,
          name: name.trim(),
          issuer: issuer.trim(),
          grants: [{ skill, level }],
          hours: hours === '' ? undefined : Number(hours),
          cost: cost === '' ? undefined : Number(cost),
          currency: 'EUR',
          validityMonths: validity === '' ? undefined : Number(validity),
        });
      }}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} type="text" required value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-issuer`}>Issuer</label>
      <input id={`${id}-issuer`} type="text" value={issuer} onChange={(event) => setIssuer(event.target.value)} />
      <label htmlFor={`${id}-skill`}>Grants the skill</label>
      <select id={`${id}-skill`} required value={skill} onChange={(event) => setSkill(event.target.value)}>
        <option value="">Choose…</option>
        {sortedSkills.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-level`}>At level</label>
      <select id={`${id}-level`} value={level} onChange={(event) => setLevel(Number(event.target.value))}>
        {[1, 2, 3, 4, 5].map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-hours`}>Hours</label>
      <input id={`${id}-hours`} type="number" min={0} value={hours} onChange={(event) => setHours(event.target.value)} />
      <label htmlFor={`${id}-cost`}>Cost (EUR)</label>
      <input id={`${id}-cost`} type="number" min={0} value={cost} onChange={(event) => setCost(event.target.value)} />
      <label htmlFor={`${id}-validity`}>Valid for (months, blank: never expires)</label>
      <input id={`${id}-validity`} type="number" min={1} value={validity} onChange={(event) => setValidity(event.target.value)} />
      <span />
      <button type="submit" disabled={pending || !name.trim() || !skill}>
        Add to the catalog (what-if)
      </button>
    </form>
  );
}
