// Charts the interaction analytics; signing in, calling the API and drawing go through the shared CrmApi and
// ReportCharts (/dashboard-support/).
'use strict';

const ANALYTICS = '/interaction/v1/analytics';
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

const $ = (id) => document.getElementById(id);
const percent = (rate) => (rate == null ? 'no data' : (100 * rate).toFixed(1) + ' %');
const number = (value, digits = 1) => (value == null ? 'no data' : value.toFixed(digits));

// Handling times run from seconds (a chat answered at once) to days (a complaint): each in the unit that fits it.
function duration(seconds) {
  if (seconds == null) {
    return 'no data';
  }
  if (seconds < 60) {
    return seconds.toFixed(seconds < 10 ? 1 : 0) + ' s';
  }
  if (seconds < 3600) {
    return (seconds / 60).toFixed(1) + ' min';
  }
  if (seconds < 2 * 86400) {
    return (seconds / 3600).toFixed(1) + ' h';
  }
  return (seconds / 86400).toFixed(1) + ' days';
}

const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

// The range in use, shown in the date fields so that the default (the last 90 days) is visible too.
function range() {
  const form = $('range');
  if (!form.to.value) {
    form.to.value = isoDay(Date.now());
  }
  if (!form.from.value) {
    form.from.value = isoDay(new Date(form.to.value + 'T00:00:00Z').getTime() - 89 * DAY);
  }
  const from = new Date(form.from.value + 'T00:00:00Z').getTime();
  const to = new Date(form.to.value + 'T00:00:00Z').getTime() + DAY;
  return { from, to, query: 'from=' + new Date(from).toISOString() + '&to=' + new Date(to).toISOString() };
}

// Every week of the range, the empty ones too, so that the axis shows time as it passed.
function weeksOf(from, to) {
  const first = new Date(from);
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const weeks = [];
  for (let monday = first.getTime(); monday < to; monday += WEEK) {
    weeks.push(isoDay(monday));
  }
  return weeks;
}

function showTotals(figures) {
  const tiles = [
    ['Interactions', figures.interactions],
    ['Mean handling', duration(figures.meanHandlingSeconds)],
    ['p90 handling', duration(figures.p90HandlingSeconds)],
    ['First-contact resolution', percent(figures.firstContactResolutionRate)],
    ['Reopened', percent(figures.reopenRate)],
    ['Multi-channel', percent(figures.multiChannelShare)],
    ['Mean CSAT', number(figures.meanCsat, 2) + ' (' + figures.csatResponses + ' answers)'],
    ['NPS', number(figures.nps, 0) + ' (' + figures.npsResponses + ' answers)'],
  ];
  $('totals').replaceChildren(...tiles.map(([name, value]) => {
    const tile = document.createElement('div');
    tile.append(name);
    const strong = document.createElement('strong');
    strong.textContent = value;
    tile.append(strong);
    return tile;
  }));
}

// Chart.js leaves a gap for null: a channel without completed interactions shows no bar, not a false 0.
const orNull = (value, scale = 1) => (value == null ? null : scale * value);

async function showAnalytics() {
  const { from, to, query } = range();
  const [overall, perWeek, perChannel] = await Promise.all([
    CrmApi.get(ANALYTICS + '/interaction?' + query),
    CrmApi.get(ANALYTICS + '/interaction?' + query + '&groupBy=week'),
    CrmApi.get(ANALYTICS + '/interaction?' + query + '&groupBy=channel'),
  ]);
  showTotals(overall[0].figures);
  const weeks = weeksOf(from, to);
  const week = Object.fromEntries(perWeek.map((row) => [row.group.week, row.figures]));
  const channels = perChannel.map((row) => row.group.channel ?? '(none)');
  const none = overall[0].figures.interactions === 0;
  ReportCharts.draw('per-week', 'bar', none ? [] : weeks,
    [{ label: 'interactions', data: weeks.map((monday) => week[monday]?.interactions ?? 0) }]);
  ReportCharts.draw('per-channel', 'bar', channels, [
    { label: 'first-contact resolution %', data: perChannel.map((row) => orNull(row.figures.firstContactResolutionRate, 100)) },
    { label: 'reopened %', data: perChannel.map((row) => orNull(row.figures.reopenRate, 100)) },
  ], { scales: { y: { min: 0, max: 100 } } }, 'No completed interactions in this range.');
  const longest = Math.max(0, ...perChannel.map((row) => row.figures.p90HandlingSeconds ?? 0));
  const [unit, divisor] = longest < 120 ? ['seconds', 1] : longest < 7200 ? ['minutes', 60] : ['hours', 3600];
  $('handling-unit').textContent = unit;
  ReportCharts.draw('handling', 'bar', channels, [
    { label: 'mean', data: perChannel.map((row) => orNull(row.figures.meanHandlingSeconds, 1 / divisor)) },
    { label: 'p90', data: perChannel.map((row) => orNull(row.figures.p90HandlingSeconds, 1 / divisor)) },
  ], {}, 'No completed interactions in this range.');
  ReportCharts.draw('satisfaction', 'line', none ? [] : weeks, [
    { label: 'mean CSAT (1-5)', data: weeks.map((monday) => week[monday]?.meanCsat ?? null), yAxisID: 'csat', spanGaps: true },
    { label: 'NPS (-100 to 100)', data: weeks.map((monday) => week[monday]?.nps ?? null), yAxisID: 'nps', spanGaps: true },
  ], { scales: { csat: { position: 'left', min: 1, max: 5 }, nps: { position: 'right', min: -100, max: 100 } } },
  'No satisfaction answers in this range.');
}

async function showProfile(partyId) {
  const profile = await CrmApi.get(ANALYTICS + '/party/' + encodeURIComponent(partyId) + '?' + range().query);
  $('profile-summary').textContent = profile.interactions + ' interactions, ' + number(profile.interactionsPerMonth)
    + ' a month, ' + profile.openInteractions + ' open.';
  ReportCharts.draw('profile-channels', 'doughnut', profile.channelPreference.map((share) => share.channel ?? '(none)'),
    [{ data: profile.channelPreference.map((share) => share.interactions) }], {}, 'No interactions in this range.');
  ReportCharts.draw('profile-trend', 'line', profile.satisfactionTrend.map((month) => month.month), [
    { label: 'mean CSAT', data: profile.satisfactionTrend.map((month) => month.meanCsat), yAxisID: 'csat' },
    { label: 'NPS', data: profile.satisfactionTrend.map((month) => month.nps), yAxisID: 'nps' },
  ], { scales: { csat: { position: 'left', min: 1, max: 5 }, nps: { position: 'right', min: -100, max: 100 } } },
  'No satisfaction answers in this range.');
}

function guarded(action) {
  return async (event) => {
    event.preventDefault();
    $('problem').textContent = '';
    try {
      await action(event.target);
    } catch (problem) {
      showProblem(problem);
    }
  };
}

function showProblem(problem) {
  ReportCharts.clearAll();
  $('totals').replaceChildren();
  $('problem').textContent = problem.message;
}

async function signedIn(name) {
  $('signed-in').textContent = 'Signed in as ' + name + '.';
  await showAnalytics();
}

$('sign-in').addEventListener('submit', guarded(async (form) => {
  $('signed-in').textContent = '';
  await CrmApi.signIn(form.clientId.value, form.clientSecret.value);
  await signedIn(form.clientId.value);
}));
// Signing in as a person goes to the login page and comes back here.
CrmApi.offerPersonSignIn($('sign-in'), signedIn, showProblem);
$('range').addEventListener('submit', guarded(() => showAnalytics()));
$('profile').addEventListener('submit', guarded((form) => showProfile(form.partyId.value)));
