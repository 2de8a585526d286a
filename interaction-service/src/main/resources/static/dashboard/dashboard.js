// Charts the interaction analytics; signing in and calling the API go through the shared CrmApi
// (/dashboard-support/api-client.js).
'use strict';

const ANALYTICS = '/interaction/v1/analytics';
const DAY = 24 * 60 * 60 * 1000;
const charts = {};

const $ = (id) => document.getElementById(id);
const percent = (rate) => (rate == null ? '–' : (100 * rate).toFixed(1) + ' %');
const number = (value, digits = 1) => (value == null ? '–' : value.toFixed(digits));

function range() {
  const form = $('range');
  const to = form.to.value ? new Date(form.to.value + 'T00:00:00Z').getTime() + DAY : Date.now();
  const from = form.from.value ? new Date(form.from.value + 'T00:00:00Z').getTime() : to - 90 * DAY;
  return 'from=' + new Date(from).toISOString() + '&to=' + new Date(to).toISOString();
}

function draw(id, type, labels, datasets, options = {}) {
  charts[id]?.destroy();
  charts[id] = new Chart($(id), { type, data: { labels, datasets }, options });
}

function showTotals(figures) {
  const tiles = [
    ['Interactions', figures.interactions],
    ['Mean handling', number(figures.meanHandlingSeconds == null ? null : figures.meanHandlingSeconds / 60) + ' min'],
    ['p90 handling', number(figures.p90HandlingSeconds == null ? null : figures.p90HandlingSeconds / 60) + ' min'],
    ['First-contact resolution', percent(figures.firstContactResolutionRate)],
    ['Reopened', percent(figures.reopenRate)],
    ['Multi-channel', percent(figures.multiChannelShare)],
    ['Mean CSAT', number(figures.meanCsat, 2) + ' (' + figures.csatResponses + ')'],
    ['NPS', number(figures.nps, 0) + ' (' + figures.npsResponses + ')'],
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

async function showAnalytics() {
  const query = range();
  const [overall, perWeek, perChannel] = await Promise.all([
    CrmApi.get(ANALYTICS + '/interaction?' + query),
    CrmApi.get(ANALYTICS + '/interaction?' + query + '&groupBy=week'),
    CrmApi.get(ANALYTICS + '/interaction?' + query + '&groupBy=channel'),
  ]);
  showTotals(overall[0].figures);
  const weeks = perWeek.map((row) => row.group.week);
  const channels = perChannel.map((row) => row.group.channel ?? '(none)');
  draw('per-week', 'bar', weeks, [{ label: 'interactions', data: perWeek.map((row) => row.figures.interactions) }]);
  draw('per-channel', 'bar', channels, [
    { label: 'first-contact resolution %', data: perChannel.map((row) => 100 * (row.figures.firstContactResolutionRate ?? 0)) },
    { label: 'reopened %', data: perChannel.map((row) => 100 * (row.figures.reopenRate ?? 0)) },
  ]);
  draw('handling', 'bar', channels, [
    { label: 'mean', data: perChannel.map((row) => (row.figures.meanHandlingSeconds ?? 0) / 60) },
    { label: 'p90', data: perChannel.map((row) => (row.figures.p90HandlingSeconds ?? 0) / 60) },
  ]);
  draw('satisfaction', 'line', weeks, [
    { label: 'mean CSAT (1-5)', data: perWeek.map((row) => row.figures.meanCsat), yAxisID: 'csat' },
    { label: 'NPS (-100 to 100)', data: perWeek.map((row) => row.figures.nps), yAxisID: 'nps' },
  ], { scales: { csat: { position: 'left', min: 1, max: 5 }, nps: { position: 'right', min: -100, max: 100 } } });
}

async function showProfile(partyId) {
  const profile = await CrmApi.get(ANALYTICS + '/party/' + encodeURIComponent(partyId) + '?' + range());
  $('profile-summary').textContent = profile.interactions + ' interactions, ' + number(profile.interactionsPerMonth)
    + ' a month, ' + profile.openInteractions + ' open.';
  draw('profile-channels', 'doughnut', profile.channelPreference.map((share) => share.channel ?? '(none)'),
    [{ data: profile.channelPreference.map((share) => share.interactions) }]);
  draw('profile-trend', 'line', profile.satisfactionTrend.map((month) => month.month), [
    { label: 'mean CSAT', data: profile.satisfactionTrend.map((month) => month.meanCsat), yAxisID: 'csat' },
    { label: 'NPS', data: profile.satisfactionTrend.map((month) => month.nps), yAxisID: 'nps' },
  ], { scales: { csat: { position: 'left', min: 1, max: 5 }, nps: { position: 'right', min: -100, max: 100 } } });
}

function guarded(action) {
  return async (event) => {
    event.preventDefault();
    $('problem').textContent = '';
    try {
      await action(event.target);
    } catch (problem) {
      $('problem').textContent = problem.message;
    }
  };
}

$('sign-in').addEventListener('submit', guarded(async (form) => {
  await CrmApi.signIn(form.clientId.value, form.clientSecret.value);
  $('signed-in').textContent = 'Signed in as ' + form.clientId.value + '.';
  await showAnalytics();
}));
$('range').addEventListener('submit', guarded(() => showAnalytics()));
$('profile').addEventListener('submit', guarded((form) => showProfile(form.partyId.value)));
