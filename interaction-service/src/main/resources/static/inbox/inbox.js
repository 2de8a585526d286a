// An agent's live inbox: the open interactions, listed once and then kept current by the live event stream.
// Signing in, reading and streaming go through the shared CrmApi (/dashboard-support/api-client.js).
'use strict';

const INTERACTIONS = '/tmf-api/partyInteraction/v5/partyInteraction';
const EVENTS = '/interaction/v1/events';
const OPEN = ['opened', 'inProgress', 'waitingForPartner', 'waitingForBackOffice'];
const FLAGS = { PartyInteractionOverdueEvent: 'overdue', PartyInteractionReminderEvent: 'stalled' };

const $ = (id) => document.getElementById(id);
const rows = new Map();
// Interactions an event changed since the stream opened: the list, read after, must not put back an older state.
const changedByEvents = new Set();

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

function channelOf(interaction) {
  const channel = interaction.relatedChannel?.[0]?.channel;
  return channel?.name ?? channel?.id ?? '';
}

function show(interaction, { highlight = false, flag = null } = {}) {
  let row = rows.get(interaction.id);
  const flags = new Set(row ? JSON.parse(row.dataset.flags) : []);
  if (flag) {
    flags.add(flag);
  }
  const fresh = document.createElement('tr');
  fresh.dataset.id = interaction.id;
  fresh.dataset.flags = JSON.stringify([...flags]);
  const started = interaction.interactionDate?.startDateTime;
  const badges = cell('');
  for (const name of flags) {
    const badge = document.createElement('span');
    badge.className = 'flag';
    badge.textContent = name;
    badges.append(badge);
  }
  fresh.append(cell(started ? new Date(started).toLocaleString() : ''), cell(interaction.reason),
    cell(interaction.description), cell(channelOf(interaction)), cell(interaction.status), badges);
  if (!OPEN.includes(interaction.status)) {
    fresh.classList.add('closed');
  }
  if (highlight) {
    fresh.classList.add('changed');
  }
  if (row) {
    row.replaceWith(fresh);
  } else {
    $('inbox').tBodies[0].prepend(fresh);
  }
  rows.set(interaction.id, fresh);
}

function remove(id) {
  rows.get(id)?.remove();
  rows.delete(id);
}

async function loadOpenInteractions() {
  const open = await CrmApi.get(INTERACTIONS + '?status=' + OPEN.join(',') + '&limit=100');
  for (const interaction of [...open].reverse()) {
    if (!changedByEvents.has(interaction.id)) {
      show(interaction);
    }
  }
}

function onEvent(name, data) {
  if (name === 'reload') {
    changedByEvents.clear();
    loadOpenInteractions().catch(showProblem);
    return;
  }
  const envelope = JSON.parse(data);
  const interaction = envelope.event?.partyInteraction;
  if (!interaction) {
    return;
  }
  changedByEvents.add(interaction.id);
  if (envelope.eventType === 'PartyInteractionDeleteEvent') {
    remove(interaction.id);
  } else {
    show(interaction, { highlight: true, flag: FLAGS[envelope.eventType] ?? null });
  }
}

let listed = false;
let streaming = false;

function onState(state, error) {
  const live = $('live');
  live.className = state === 'connected' ? 'connected' : 'waiting';
  if (state === 'connected') {
    live.textContent = 'Live: changes appear as they happen.';
    if (!listed) {
      listed = true;
      loadOpenInteractions().catch(showProblem);
    }
  } else if (state === 'waiting') {
    live.textContent = 'Reconnecting… (' + error.message + ')';
  } else {
    live.textContent = 'Stopped.';
    showProblem(error);
  }
}

function showProblem(error) {
  $('problem').textContent = error.message;
}

function signedIn(name) {
  $('signed-in').textContent = 'Signed in as ' + name;
  // A stream already open takes the new token when it next reconnects.
  if (!streaming) {
    streaming = true;
    CrmApi.stream(EVENTS, onEvent, onState).finally(() => {
      streaming = false;
    });
  }
}

$('sign-in').addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  const form = submitted.target;
  $('problem').textContent = '';
  try {
    await CrmApi.signIn(form.clientId.value, form.clientSecret.value);
  } catch (error) {
    showProblem(error);
    return;
  }
  signedIn(form.clientId.value);
});
// Signing in as a person goes to the login page and comes back here.
CrmApi.offerPersonSignIn($('sign-in'), signedIn, showProblem);
