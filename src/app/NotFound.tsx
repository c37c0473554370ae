import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        This address is not a Gapmap page. <Link to="/">Go to the Overview</Link>.
      </p>
    </section>
  );
}
