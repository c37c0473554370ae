// @vitest-environment jsdom
// Costly renders take turns: the second starts only after the first has committed and handed on.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { createTurns, OneAtATime, TurnDone } from './OneAtATime';

function Logged({ name, log, children }: { name: string; log: string[]; children?: ReactNode }) {
  useEffect(() => void log.push(`${name} committed`), [name, log]);
  return (
    <p>
      {name}
      {children}
    </p>
  );
}

describe('OneAtATime', () => {
  it('renders the second only once the first has committed and handed the turn on', async () => {
    const turns = createTurns();
    const log: string[] = [];
    render(
      <>
        <OneAtATime turns={turns} placeholder={<p>first waiting</p>}>
          <Logged name="first" log={log} />
          <TurnDone />
        </OneAtATime>
        <OneAtATime turns={turns} placeholder={<p>second waiting</p>}>
          <Logged name="second" log={log} />
          <TurnDone />
        </OneAtATime>
      </>,
    );
    // Nothing costly in the commit that mounts them: both wait for their turn.
    expect(screen.getByText('first waiting')).toBeInTheDocument();
    expect(screen.getByText('second waiting')).toBeInTheDocument();
    expect(await screen.findByText('second')).toBeInTheDocument();
    expect(log).toEqual(['first committed', 'second committed']);
  });

  it('passes the turn on when one leaves before its content is done', async () => {
    const turns = createTurns();
    const { unmount } = render(
      <OneAtATime turns={turns} placeholder={<p>waiting</p>}>
        <p>never done</p>
      </OneAtATime>,
    );
    unmount();
    render(
      <OneAtATime turns={turns} placeholder={<p>next waiting</p>}>
        <p>next</p>
      </OneAtATime>,
    );
    expect(await screen.findByText('next')).toBeInTheDocument();
  });
});
