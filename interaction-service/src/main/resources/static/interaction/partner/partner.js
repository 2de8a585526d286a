// A business partner's self-service page: a person signs in at the identity provider's login page (CrmSignIn) and
// the page calls the API with that person's token (CrmApi), which lets a partner see and log only the interactions
// naming its own party. What the API refuses is shown with the problem's own words.
'use strict';

const INTERACTIONS = '/tmf-api/partyInteraction/v5/partyInteraction';
const STEP_UP = '/interaction/v1/partyInteraction';
// The channel of everything done on this page, in the interaction and in its track record.
const WEB = 'webSelfService';
const WRITES = { 'X-Channel': WEB };

// The track record's actions in the partner's words; messages sent to the partner keep their own names.
const ACTIONS = {
  created: 'Logged',
  updated: 'Updated',
  statusChanged: 'Status changed',
  noteAdded: 'Note added',
  cancelled: 'Cancelled',
  authenticated: 'Confirmed it was you',
  authenticationCodeIssued: 'One-time code given',
  authenticationCodeRejected: 'A wrong code was entered',
  satisfactionRecorded: 'Rated',
};

const $ = (id) => document.getElementById(id);

function element(name, text, className) {
  const made = document.createElement(name);
  if (text !== undefined && text !== null) {
    made.textContent = text;
  }
  if (className) {
    made.className = className;
  }
  return made;
}

const when = (instant) => (instant ? new Date(instant).toLocaleString() : '');

function channels(interaction) {
  return (interaction.relatedChannel ?? []).map((related) => related.channel?.name ?? related.channel?.id).join(', ');
}

function showProblem(error) {
  $('problem').textContent = error.message;
}

// The outcome of a form goes beside it, where the person is looking: its problem, or a notice.
function outcome(name, { problem = '', notice = '' }) {
  $(name + '-problem').textContent = problem;
  $(name + '-notice').textContent = notice;
}

// A partner learns of another's interaction only that it is not among its own: the API answers 404 as if it did not
// exist, or 403 when a code names an interaction about someone else.
function refusal(id, error) {
  return new Error('Interaction ' + id + ' is not one of yours, or does not exist. ' + error.message);
}

function badge(text, className) {
  return element('span', text, 'badge ' + className);
}

function summaryOf(interaction) {
  const summary = element('summary');
  summary.append(element('span', interaction.reason || '(no subject)', 'reason'),
    badge(interaction.status, 'status status-' + interaction.status));
  if (interaction.authenticationLevel === 'authenticated') {
    summary.append(badge('authenticated', 'authenticated'));
  }
  summary.append(element('span', when(interaction.interactionDate?.startDateTime)), element('span', channels(interaction)));
  return summary;
}

function facts(pairs) {
  const list = element('dl', null, 'facts');
  for (const [term, value] of pairs) {
    if (value) {
      list.append(element('dt', term), element('dd', value));
    }
  }
  return list;
}

// A value of the track record in few words: a party or channel by its id or name, an object by its members.
function shortValue(value) {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.map(shortValue).join(', ');
  }
  if (typeof value === 'object') {
    return value.partyOrPartyRole?.id ?? value.channel?.name ?? value.name ?? value.id
      ?? Object.entries(value).map(([name, member]) => name + ' ' + shortValue(member)).join(', ');
  }
  return String(value);
}

function trackRecord(entries) {
  const list = element('ol', null, 'track');
  for (const entry of entries) {
    const item = element('li');
    const by = entry.changedBy ? ' by ' + entry.changedBy : '';
    const through = entry.channel ? ' via ' + entry.channel : '';
    item.append(element('strong', ACTIONS[entry.action] ?? entry.action), document.createTextNode(
      ' — ' + when(entry.changedAt) + by + through));
    // What a creation set is in the facts above; the TMF bookkeeping members (@type, ...) say nothing to a partner.
    const changes = entry.action === 'created' ? [] : (entry.changes ?? [])
      .filter((change) => !change.field.startsWith('@'))
      .map((change) => change.field + ': ' + shortValue(change.from) + ' → ' + shortValue(change.to));
    if (changes.length > 0) {
      item.append(element('div', changes.join('; '), 'changes'));
    }
    list.append(item);
  }
  return list;
}

function ratingForm(interaction, detail) {
  const form = element('form');
  form.className = 'rating';
  const csat = element('fieldset');
  csat.append(element('legend', 'How satisfied are you with how we handled it?'));
  ['very dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very satisfied'].forEach((label, index) => {
    const option = element('label');
    const radio = element('input');
    radio.type = 'radio';
    radio.name = 'csat';
    radio.value = String(index + 1);
    radio.required = true;
    option.append(radio, document.createTextNode((index + 1) + ' ' + label));
    csat.append(option);
  });
  const nps = element('label', 'How likely are you to recommend us, 0 to 10? (optional)');
  const npsInput = element('input');
  npsInput.type = 'number';
  npsInput.name = 'nps';
  npsInput.min = '0';
  npsInput.max = '10';
  nps.append(npsInput);
  const feedback = element('label', 'Anything to tell us? (optional)', 'wide');
  const feedbackInput = element('textarea');
  feedbackInput.name = 'feedback';
  feedbackInput.rows = 2;
  feedbackInput.maxLength = 2000;
  feedback.append(feedbackInput);
  const problem = element('p', null, 'problem');
  problem.setAttribute('role', 'alert');
  form.append(csat, nps, feedback, element('button', 'Rate'), problem);
  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    const answer = { csat: Number(form.csat.value) };
    if (form.nps.value !== '') {
      answer.nps = Number(form.nps.value);
    }
    if (form.feedback.value.trim() !== '') {
      answer.feedback = form.feedback.value.trim();
    }
    try {
      await CrmApi.post(STEP_UP + '/' + encodeURIComponent(interaction.id) + '/satisfaction', answer, WRITES);
      await showDetail(interaction, detail);
    } catch (error) {
      problem.textContent = error.message;
    }
  });
  return form;
}

async function showDetail(interaction, detail) {
  const id = encodeURIComponent(interaction.id);
  const history = await CrmApi.get(INTERACTIONS + '/' + id + '/history');
  const rated = history.some((entry) => entry.action === 'satisfactionRecorded');
  const content = [facts([
    ['Number', interaction.id],
    ['Status', interaction.status],
    ['Subject', interaction.reason],
    ['Description', interaction.description],
    ['Channel', channels(interaction)],
    ['Started', when(interaction.interactionDate?.startDateTime)],
    ['Ended', when(interaction.interactionDate?.endDateTime)],
    ['Status since', when(interaction.statusChangeDate)],
    ['Due', when(interaction.dueDate)],
    ['Identity', interaction.authenticationLevel],
  ])];
  content.push(element('h3', 'Progress'), trackRecord(history));
  if (rated) {
    const satisfaction = await CrmApi.get(STEP_UP + '/' + id + '/satisfaction');
    const recommend = (satisfaction.nps ?? null) === null ? '' : ', recommend ' + satisfaction.nps + ' of 10';
    const said = satisfaction.feedback ? ' — “' + satisfaction.feedback + '”' : '';
    content.push(element('p', 'Your rating: ' + (satisfaction.csat ?? '—') + ' of 5' + recommend + said, 'rated'));
  } else if (interaction.status === 'completed') {
    content.push(element('h3', 'Rate it'), ratingForm(interaction, detail));
  }
  detail.replaceChildren(...content);
}

function listItem(interaction) {
  const item = element('li');
  item.dataset.id = interaction.id;
  const details = element('details');
  const detail = element('div', 'Loading…', 'detail');
  details.append(summaryOf(interaction), detail);
  details.addEventListener('toggle', () => {
    if (details.open) {
      showDetail(interaction, detail).catch((error) => {
        detail.textContent = '';
        showProblem(error);
      });
    }
  });
  item.append(details);
  return item;
}

async function listInteractions() {
  const mine = await CrmApi.get(INTERACTIONS + '?sort=-interactionDate.startDateTime&limit=100');
  $('interactions').replaceChildren(...mine.map(listItem));
  $('none').hidden = mine.length > 0;
}

async function openInteraction(form) {
  const partyId = CrmSignIn.person()?.partyId;
  if (!partyId) {
    throw new Error('Your sign-in names no business partner: only partners log interactions here.');
  }
  const interaction = {
    direction: 'inbound',
    reason: form.reason.value.trim(),
    relatedChannel: [{ role: 'contact', channel: { id: WEB } }],
    relatedParty: [{ role: 'customer', partyOrPartyRole: { id: partyId, '@type': 'PartyRef', '@referredType': 'Customer' } }],
  };
  if (form.description.value.trim() !== '') {
    interaction.description = form.description.value.trim();
  }
  return CrmApi.post(INTERACTIONS, interaction, WRITES);
}

async function claim(form) {
  const id = form.interactionId.value.trim();
  try {
    await CrmApi.post(STEP_UP + '/' + encodeURIComponent(id) + '/authentication', { code: form.code.value.trim() },
      WRITES);
  } catch (error) {
    throw (error.status === 403 || error.status === 404) ? refusal(id, error) : error;
  }
  return id;
}

function showSession() {
  const person = CrmSignIn.person();
  $('sign-in').hidden = person !== null;
  $('sign-out').hidden = person === null;
  $('partner').hidden = person === null;
  $('signed-in').textContent = person === null ? 'Not signed in.'
    : 'Signed in as ' + person.subject + (person.partyId ? ' (partner ' + person.partyId + ')' : '');
}

$('sign-in').addEventListener('click', () => CrmSignIn.signIn().catch(showProblem));

$('sign-out').addEventListener('click', async () => {
  await CrmSignIn.signOut().catch(showProblem);
  showSession();
  $('interactions').replaceChildren();
});

$('new-interaction').addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  const form = submitted.target;
  try {
    const logged = await openInteraction(form);
    form.reset();
    outcome('new', { notice: 'Thank you: “' + logged.reason + '” is logged as number ' + logged.id + '.' });
    await listInteractions();
  } catch (error) {
    outcome('new', { problem: error.message });
  }
});

$('claim').addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  const form = submitted.target;
  try {
    const id = await claim(form);
    form.reset();
    outcome('claim', { notice: 'Confirmed: interaction ' + id + ' is now authenticated as yours.' });
    await listInteractions();
  } catch (error) {
    outcome('claim', { problem: error.message });
  }
});

CrmApi.useTokens(CrmSignIn.accessToken);

(async () => {
  try {
    await CrmSignIn.finishSignIn();
  } catch (error) {
    showProblem(error);
  }
  showSession();
  if (CrmSignIn.signedIn()) {
    await listInteractions().catch(showProblem);
  }
})();
