// Overview (SPEC §7): readiness now and forecast, critical gaps, single points of failure,
// expiring credentials, goal completion, top gaps and the readiness trend.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { gapmapQueries, type Evidence } from '../../api/queries';
import type { OverviewResponse } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { Loading, QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { Compared } from '../../components/Compared';
import { countOf, formatCount, formatDate } from '../../components/format';
import { ChartFrame } from '../../components/ChartFrame';
import { FirstRunScreen } from './FirstRunScreen';
import { GlossaryLink } from '../../components/GlossaryLink';
import { PrintHeader } from '../../components/PrintHeader';

import { TopGapsChart } from './TopGapsChart';
import { TrendChart } from './TrendChart';

export function OverviewPage() {
  const { persona, asOf, evidence } = useViewContext();
  const overview = useQuery(gapmapQueries.overview(persona, asOf, undefined, evidence));
  const session = useQuery(gapmapQueries.session(persona));
  // The same element while the figures are computed: when an answer arrives (this one or the
  // session's), React renders this page again at once, and an unchanged element lets it skip the
  // whole placeholder layout instead of rendering it again before the figures' own render.
  const computing = useMemo(() => <OverviewFigures evidence={evidence} />, [evidence]);
  if (session.data?.firstRun) return <FirstRunScreen persona={persona} />;
  return (
    <section aria-labelledby="overview-title">
      <QueryState query={overview} label="Computing the overview" pending={computing}>
        {(data) => <OverviewFigures data={data} evidence={evidence} />}
      </QueryState>
    </section>
  );
}

/** The top gaps the engine lists (src/domain/engine/overview.ts): the chart's height while they are computed. */
const TOP_GAPS_SHOWN = 10;
/** Under a what-if draft each skill has two bars (as stored, with the draft) and a legend. */
const topGapsChartHeight = (gaps: number, compared = false) => Math.max(220, gaps * (compared ? 44 : 30) + (compared ? 70 : 40));
const TREND_CHART_HEIGHT = 260;

/**
 * The overview. Without data (still computing; also the first screen rendered into index.html at
 * build time, src/app/prerender.tsx) the same layout with placeholders of the same size, so the
 * page is readable at once and nothing moves when the figures arrive.
 */
function OverviewFigures({ data, evidence }: { data?: OverviewResponse; evidence: Evidence | undefined }) {
  const computing = <Loading label="Computing" />;
  return (
    <>
      <header className="page-header">
        <h1 id="overview-title">Overview</h1>
        {/* What the page answers, the same before and after the figures arrive: the first screen's
            largest text, so the page's largest paint is the first one (src/app/prerender.tsx). */}
        <p className="page-intro">
          How ready your people are for the skill levels their roles require: readiness now and in 90 days, the critical gaps and single points of failure, the credentials about to lapse, and how the goals set to close the gaps are going.
        </p>
        {data ? (
          <>
            <PrintHeader title="Overview" asOf={data.asOf} evidence={evidence} filters={[data.scope]} />
            <p className="subtitle">
              {data.scope} · {countOf(data.employees, 'employee')} in {countOf(data.teams, 'team')} · as of {formatDate(data.asOf)}
            </p>
          </>
        ) : (
          <p className="subtitle" role="status">
            Computing the overview…
          </p>
        )}
      </header>
      <Figures label={data ? 'Headline figures' : 'Headline figures, being computed'} busy={!data}>
        <Figure label="Readiness" value={data && <Compared baseline={data.baseline?.readiness} scenario={data.readiness} kind="percent" digits={1} />} detail="weighted share of required levels met" term="readiness" tone={data && (data.readiness >= 0.8 ? 'good' : data.readiness >= 0.6 ? 'warn' : 'bad')} />
        <Figure label="Readiness in 90 days" value={data && <Compared baseline={data.baseline?.forecastReadiness} scenario={data.forecastReadiness} kind="percent" digits={1} />} detail={data ? `on ${formatDate(data.forecastDate)} if nothing is renewed` : 'if nothing is renewed'} term="readiness-90-days" tone={data && data.forecastReadiness < data.readiness ? 'warn' : undefined} />
        <Figure label="Critical gaps" value={data && <Compared baseline={data.baseline?.criticalGaps} scenario={data.criticalGaps} kind="count"><Link to="/lists/$list" params={{ list: 'critical-gaps' }} aria-label={`${formatCount(data.criticalGaps)} critical gaps: list them`}>{formatCount(data.criticalGaps)}</Link></Compared>} detail="critical requirements not met" term="critical-gap" tone={data && (data.criticalGaps > 0 ? 'bad' : 'good')} />
        <Figure label="Single points of failure" value={data && <Compared baseline={data.baseline?.singlePointsOfFailure} scenario={data.singlePointsOfFailure} kind="count"><Link to="/lists/$list" params={{ list: 'single-points-of-failure' }} aria-label={`${formatCount(data.singlePointsOfFailure)} single points of failure: list them`}>{formatCount(data.singlePointsOfFailure)}</Link></Compared>} detail="critical team skills held by one person or none" term="single-point-of-failure" tone={data && (data.singlePointsOfFailure > 0 ? 'warn' : 'good')} />
        <Figure label="Expiring in 90 days" value={data && <Compared baseline={data.baseline?.expiringCount} scenario={data.expiringCount} kind="count"><Link to="/lists/$list" params={{ list: 'expiring' }} aria-label={`${formatCount(data.expiringCount)} expiring in 90 days: list them`}>{formatCount(data.expiringCount)}</Link></Compared>} detail="current credentials that lapse soon" term="expiring" />
        <Figure
          label="Goal completion"
          value={data && <Compared baseline={data.baseline?.goalCompletionRate} scenario={data.goals.completionRate} kind="percent" />}
          detail={data ? <>{`${formatCount(data.goals.completed)} of ${formatCount(data.goals.completed + data.goals.open)} completed (cancelled left out) · `}<Link to="/lists/$list" params={{ list: 'overdue-goals' }}>{formatCount(data.goals.overdue)} overdue</Link></> : 'completed (cancelled left out)'}
          tone={data && data.goals.overdue > 0 ? 'warn' : undefined}
          term="goal-completion"
        />
      </Figures>
      <div className="chart-grid">
        <ChartFrame
          title="Top gaps by weighted gap"
          note={
            <>
              Weighted gap = weight (critical 3, important 2, nice-to-have 1) × levels missing, summed over people. <GlossaryLink term="weighted-gap" />
            </>
          }
          chart={data ? <TopGapsChart gaps={data.topGaps} baseline={data.baseline?.topGaps} height={topGapsChartHeight(data.topGaps.length, data.baseline !== undefined)} /> : <div style={{ height: topGapsChartHeight(TOP_GAPS_SHOWN) }} />}
          table={
            !data ? computing : <table>
              <caption className="visually-hidden">Top gaps</caption>
              <thead>
                <tr>
                  <th scope="col">Skill</th>
                  <th scope="col">Weighted gap</th>
                  <th scope="col">People with a gap</th>
                </tr>
              </thead>
              <tbody>
                {data.topGaps.map((gap, index) => (
                  <tr key={gap.skill}>
                    <th scope="row">{gap.skillName}</th>
                    {/* Under a what-if draft, baseline.topGaps holds the same skills in the same order. */}
                    <td>
                      <Compared baseline={data.baseline?.topGaps[index]?.weightedGap} scenario={gap.weightedGap} kind="count" />
                    </td>
                    <td>
                      <Compared baseline={data.baseline?.topGaps[index]?.peopleWithGap} scenario={gap.peopleWithGap} kind="count" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartFrame
          title="Readiness over the last 12 months"
          note={data?.baseline ? "Each month end is computed with today's roles and requirements: as stored (dashed) and with the draft (solid)." : "Each month end is computed with today's roles and requirements."}
          chart={data ? <TrendChart points={data.trend} baseline={data.baseline?.trend} height={TREND_CHART_HEIGHT} /> : <div style={{ height: TREND_CHART_HEIGHT }} />}
          table={
            !data ? computing : <table>
              <caption className="visually-hidden">Readiness by month end</caption>
              <thead>
                <tr>
                  <th scope="col">Month end</th>
                  <th scope="col">Readiness</th>
                </tr>
              </thead>
              <tbody>
                {data.trend.map((point, index) => (
                  <tr key={point.date}>
                    <th scope="row">{formatDate(point.date)}</th>
                    {/* Under a what-if draft, baseline.trend holds the same month ends. */}
                    <td>
                      <Compared baseline={data.baseline?.trend[index]?.readiness} scenario={point.readiness} kind="percent" digits={1} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
      <p className="next-steps">
        See where the gaps are on the <Link to="/heatmap">heatmap</Link>, or open a <Link to="/teams">team</Link>.
      </p>
    </>
  );
}
