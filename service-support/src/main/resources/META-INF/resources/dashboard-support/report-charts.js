// Draws the report pages' charts with Chart.js, the same way on both services: a chart without data says so
// instead of drawing empty axes, and every chart carries a text alternative with the values it shows.
'use strict';

const ReportCharts = (() => {
  const charts = {};

  function describe(labels, datasets) {
    return datasets.map((dataset) => (dataset.label ? dataset.label + ': ' : '')
      + labels.map((label, i) => label + ' ' + (dataset.data[i] ?? 'no data')).join(', ')).join('; ');
  }

  function emptyNote(canvas) {
    let note = canvas.parentElement.querySelector('.empty');
    if (!note) {
      note = document.createElement('p');
      note.className = 'empty';
      canvas.after(note);
    }
    return note;
  }

  function draw(id, type, labels, datasets, options = {}, emptyText = 'No data in this range.') {
    charts[id]?.destroy();
    delete charts[id];
    const canvas = document.getElementById(id);
    const empty = labels.length === 0 || datasets.every((dataset) => dataset.data.every((value) => value == null));
    canvas.hidden = empty;
    emptyNote(canvas).textContent = empty ? emptyText : '';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', empty ? emptyText : describe(labels, datasets));
    if (!empty) {
      charts[id] = new Chart(canvas, {
        type, data: { labels, datasets }, options,
      });
    }
  }

  // After a failed request nothing from an earlier answer may stay on the page as if it were current.
  function clearAll() {
    for (const id of Object.keys(charts)) {
      charts[id].destroy();
      delete charts[id];
      document.getElementById(id).hidden = true;
    }
  }

  return { draw, clearAll };
})();
