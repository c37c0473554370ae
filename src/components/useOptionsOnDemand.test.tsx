// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { OPTIONS_DRAWN_AT_ONCE, useOptionsOnDemand } from './useOptionsOnDemand';

function Chooser({ names, value }: { names: string[]; value: string }) {
  const { drawAll, triggers } = useOptionsOnDemand(names.length);
  return (
    <select aria-label="Team" value={value} onChange={() => undefined} {...triggers}>
      {(drawAll ? names : [value]).map((name) => (
        <option key={name}>{name}</option>
      ))}
    </select>
  );
}

const many = Array.from({ length: OPTIONS_DRAWN_AT_ONCE + 1 }, (_, index) => `Team ${index + 1}`);

describe('a chooser whose options are drawn on demand', () => {
  it('draws a short list at once', () => {
    render(<Chooser names={['Payments', 'Data']} value="Data" />);
    expect(screen.getAllByRole('option')).toHaveLength(2);
  });

  it('holds only the current choice of a long list until it gets the focus', () => {
    render(<Chooser names={many} value="Team 7" />);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Team 7']);
    fireEvent.focus(screen.getByRole('combobox', { name: 'Team' }));
    expect(screen.getAllByRole('option')).toHaveLength(201);
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue('Team 7');
  });

  it('draws a long list when pressed with a mouse, before the browser opens it', () => {
    render(<Chooser names={many} value="Team 1" />);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Team' }));
    expect(screen.getAllByRole('option')).toHaveLength(201);
  });
});
