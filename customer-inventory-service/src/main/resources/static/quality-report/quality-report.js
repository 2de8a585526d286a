// Charts the data-quality report of the latest completed audit run.
'use strict';

const REPORT = '/inventory/v1/quality/report';
const charts = {};

const $ = (id) => document.getElementById(id);
const percent = (share) => (100 * share).toFixed(1);

function draw(id, type, labels, datasets, options = {}) {
  charts[id]?.destroy();
  charts[id] = new Chart($(id), { type, data: { labels, datasets }, options });
}

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
  const rules = report.rules.map((rule) => rule.rule);
  draw('history', 'line', runs, [
    { label: 'overall', data: report.history.map((run) => percent(run.score)) },
    ...rules.map((rule) => ({
      label: rule,
      data: report.history.map((run) => {
        const score = run.rules.find((candidate) => candidate.rule === rule);
        return score ? percent(score.score) : null;
      }),
      hidden: true,
    })),
  ], { scales: { y: { min: 0, max: 100 } } });
  draw('per-rule', 'bar', rules, [{ label: '% without findings', data: report.rules.map((rule) => percent(rule.score)) }],
    { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } });
  draw('per-severity', 'doughnut', report.findingsBySeverity.map((count) => count.key),
    [{ data: report.findingsBySeverity.map((count) => count.findings) }]);
  draw('per-source', 'bar', report.findingsBySource.map((count) => count.key),
    [{ label: 'findings', data: report.findingsBySource.map((count) => count.findings) }]);
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('problem').textContent = '';
  try {
    const form = event.target;
    await CrmApi.signIn(form.clientId.value, form.clientSecret.value);
    $('signed-in').textContent = 'Signed in as ' + form.clientId.value + '.';
    await showReport();
  } catch (problem) {
    $('problem').textContent = problem.message;
  }
});
