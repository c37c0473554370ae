// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RoleEditor } from './RoleEditor';
import type { Role, Skill } from '../../domain/schema';

const skills: Skill[] = [
  { id: 'sql', name: 'SQL', category: 'data' },
  { id: 'aml', name: 'Anti-money laundering', category: 'compliance' },
  { id: 'comm', name: 'Communication', category: 'soft' },
];
const role: Role = { id: 'Data Analyst', name: 'Data Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] };

function showEditor() {
  const onApply = vi.fn();
  const onClose = vi.fn();
  render(<RoleEditor role={role} skills={skills} onApply={onApply} onClose={onClose} pending={false} />);
  return { onApply, onClose, user: userEvent.setup() };
}

describe('the role editor', () => {
  it('tries a skill chosen under "Add a skill" even when Add was not pressed', async () => {
    const { onApply, user } = showEditor();
    await user.selectOptions(screen.getByLabelText('Add a skill'), 'Anti-money laundering');
    await user.click(screen.getByRole('button', { name: 'Try it (what-if)' }));
    expect(onApply).toHaveBeenCalledWith({
      ...role,
      requirements: [
        { skill: 'sql', level: 3, weight: 'critical' },
        { skill: 'aml', level: 3, weight: 'important' },
      ],
    });
    expect(screen.getByRole('status')).toHaveTextContent('Anti-money laundering, chosen under “Add a skill”, was added');
  });

  it('closes at once when nothing changed', async () => {
    const { onClose, user } = showEditor();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('asks before Close drops unsaved edits, and keeps them when the user says so', async () => {
    const { onClose, onApply, user } = showEditor();
    await user.selectOptions(screen.getByLabelText('Weight of SQL'), 'Nice to have');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Close without trying your changes to Data Analyst?');
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Weight of SQL')).toHaveValue('nice-to-have');
    await user.click(screen.getByRole('button', { name: 'Try it (what-if)' }));
    expect(onApply).toHaveBeenCalledWith({ ...role, requirements: [{ skill: 'sql', level: 3, weight: 'nice-to-have' }] });
  });

  it('counts a skill chosen under "Add a skill" but not added as an edit Close asks about', async () => {
    const { onClose, user } = showEditor();
    await user.selectOptions(screen.getByLabelText('Add a skill'), 'Communication');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog')).toHaveTextContent('They will be lost.');
  });

  it('drops the edits only when the user confirms', async () => {
    const { onClose, user } = showEditor();
    await user.click(screen.getByRole('button', { name: 'Remove SQL' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
