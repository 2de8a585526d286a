// Charts the data-quality report of the latest completed audit run; signing in, calling the API and drawing go
// through the shared CrmApi and ReportCharts (/dashboard-support/).
'use strict';

const REPORT = '/inventory/v1/quality/report';
// From the least to the most urgent, green to red.
const SEVERITY_COLOURS = { low: '#2f9e44', medium: '#f08c00', high: '#e03131' };

const $ = (id) => document.getElementById(id);
const percent = (share) => (share == null ? null : Number((100 * share).toFixed(1)));

function showTotals(report) {
  const tiles = [
    ['Quality score', percent(report.run.score) + ' %'],
    ['Customers checked', report.run.checked],
    ['With findings', report.run.customersWithFindings],
    ['Findings', report.run.findings],
    ['Completed', new Date(report.run.completedAt).toLocaleString()],
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

function showTop(report) {
  if (report.topShortcomings.length === 0) {
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = 5;
    cell.textContent = 'No findings in the latest run.';
    row.append(cell);
    $('top').tBodies[0].replaceChildren(row);
    return;
  }
  $('top').tBodies[0].replaceChildren(...report.topShortcomings.map((rule) => {
    const row = document.createElement('tr');
    for (const value of [rule.rule, rule.description, rule.severity, rule.customersWithFindings, rule.findings]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  }));
}

async function showReport() {
  const report = await CrmApi.get(REPORT);
  showTotals(report);
  showTop(report);
  // Date and time: runs on the same day must stay apart on the axis.
  const runs = report.history.map((run) => new Date(run.completedAt)
    .toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }));
  // The overall score over time; each rule's own history is in the table and the CSV, not in a legend of 17.
  ReportCharts.draw('history', 'line', runs, [{ label: 'overall', data: report.history.map((run) => percent(run.score)) }],
    { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } }, 'No completed run yet.');
  const rules = report.rules.map((rule) => rule.rule);
  const perRule = $('per-rule');
  // One readable label per bar, however many rules there are.
  perRule.parentElement.style.setProperty('--bars', rules.length);
  ReportCharts.draw('per-rule', 'bar', rules, [{ label: '% without findings', data: report.rules.map((rule) => percent(rule.score)) }],
    { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100 }, y: { ticks: { autoSkip: false } } } }, 'No completed run yet.');
  const severities = report.findingsBySeverity.map((count) => count.key);
  ReportCharts.draw('per-severity', 'doughnut', severities,
    [{ data: report.findingsBySeverity.map((count) => count.findings),
      backgroundColor: severities.map((severity) => SEVERITY_COLOURS[severity] ?? '#868e96') }],
    {}, 'No findings.');
  ReportCharts.draw('per-source', 'bar', report.findingsBySource.map((count) => count.key),
    [{ label: 'findings', data: report.findingsBySource.map((count) => count.findings) }],
    { plugins: { legend: { display: false } } }, 'No findings.');
}

async function guarded(event, action) {
  event.preventDefault();
  $('problem').textContent = '';
  try {
    await action(event.target);
  } catch (problem) {
    showProblem(problem);
  }
}

function showProblem(problem) {
  ReportCharts.clearAll();
  $('totals').replaceChildren();
  $('problem').textContent = problem.message;
}

async function signedIn(name) {
  $('signed-in').textContent = 'Signed in as ' + name + '.';
  await showReport();
}

$('sign-in').addEventListener('submit', (event) => guarded(event, async (form) => {
  $('signed-in').textContent = '';
  await CrmApi.signIn(form.clientId.value, form.clientSecret.value);
  await signedIn(form.clientId.value);
}));
// Signing in as a person goes to the login page and comes back here.
CrmApi.offerPersonSignIn($('sign-in'), signedIn, showProblem);
$('csv').addEventListener('click', (event) => guarded(event, async () => {
  if (!CrmApi.signedIn()) {
    throw new Error('Sign in first: the CSV is downloaded with your token.');
  }
  await CrmApi.download(REPORT + '?format=csv', 'quality-report.csv');
}));
