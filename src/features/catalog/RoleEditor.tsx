// Edits a role's requirements as a what-if: nothing is stored until the scenario is kept.
import { useId, useState } from 'react';
import type { Requirement, Role, Skill } from '../../domain/schema';

interface RoleEditorProps {
  role: Role;
  skills: Skill[];
  onApply: (role: Role) => void;
  onClose: () => void;
  pending: boolean;
}

export function RoleEditor({ role, skills, onApply, onClose, pending }: RoleEditorProps) {
  const id = useId();
  const [requirements, setRequirements] = useState<Requirement[]>(role.requirements);
  const [newSkill, setNewSkill] = useState('');
  const skillName = new Map(skills.map((skill) => [skill.id, skill.name]));
  const unused = skills.filter((skill) => !requirements.some((requirement) => requirement.skill === skill.id)).sort((a, b) => a.name.localeCompare(b.name));
  const update = (index: number, patch: Partial<Requirement>) => setRequirements(requirements.map((requirement, at) => (at === index ? { ...requirement, ...patch } : requirement)));
  return (
    <form
      className="role-editor"
      aria-label={`Edit the requirements of ${role.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...role, requirements });
      }}
    >
      {requirements.map((requirement, index) => (
        <div className="role-editor-row" key={requirement.skill}>
          <span>{skillName.get(requirement.skill) ?? requirement.skill}</span>
          <select aria-label={`Level of ${skillName.get(requirement.skill) ?? requirement.skill}`} value={requirement.level} onChange={(event) => update(index, { level: Number(event.target.value) })}>
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
          <select aria-label={`Weight of ${skillName.get(requirement.skill) ?? requirement.skill}`} value={requirement.weight} onChange={(event) => update(index, { weight: event.target.value as Requirement['weight'] })}>
            <option value="critical">critical</option>
            <option value="important">important</option>
            <option value="nice-to-have">nice-to-have</option>
          </select>
          <button type="button" className="secondary" aria-label={`Remove ${skillName.get(requirement.skill) ?? requirement.skill}`} onClick={() => setRequirements(requirements.filter((_, at) => at !== index))}>
            Remove
          </button>
        </div>
      ))}
      <div className="inline-form">
        <label htmlFor={`${id}-add`}>Add a skill</label>
        <select id={`${id}-add`} value={newSkill} onChange={(event) => setNewSkill(event.target.value)}>
          <option value="">Choose…</option>
          {unused.map((skill) => (
            <option key={skill.id} value={skill.id}>
              {skill.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary"
          disabled={!newSkill}
          onClick={() => {
            setRequirements([...requirements, { skill: newSkill, level: 3, weight: 'important' }]);
            setNewSkill('');
          }}
        >
          Add
        </button>
      </div>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          Try it (what-if)
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
