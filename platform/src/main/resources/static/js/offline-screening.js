// The offline screening app (/screening/offline/app): answer a checklist without a network, keep the answers on
// this device until they are sent, send them once the network is back. Kept on the device, in localStorage of
// this site only: the checklists in force (texts the NRM wrote), the screenings waiting to be sent (a key made
// here, checklist and version, answers, age group and suspected forms, when it was kept, its state) and the last
// screenings sent (their id and link). Never a name or anything else that tells who the person is: the form has
// no field for it.
(function () {
  'use strict';
  var app = document.getElementById('offline-app');
  if (!app) {
    return;
  }
  var base = app.getAttribute('data-base');
  var label = function (name) { return app.getAttribute('data-label-' + name) || ''; };
  var WAITING = 'opennrm.screening.waiting';
  var SENT = 'opennrm.screening.sent';
  var CHECKLISTS = 'opennrm.screening.checklists';
  var checklists = null;
  var sending = false;

  function read(key, fallback) {
    try {
      var value = JSON.parse(localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }
  function write(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' };
    if (token && header) { headers[header.getAttribute('content')] = token.getAttribute('content'); }
    return headers;
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(base + 'sw.js', { scope: base }).catch(function () { /* works without */ });
  }

  function showNetwork() {
    var state = document.getElementById('network-state');
    state.textContent = navigator.onLine ? label('online') : label('offline');
    state.className = navigator.onLine ? 'badge active' : 'badge overdue';
  }

  function loadChecklists() {
    return fetch(base + 'checklists', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok || response.redirected) { throw new Error('not the checklists'); }
        return response.json();
      })
      .then(function (loaded) { checklists = loaded; write(CHECKLISTS, loaded); })
      .catch(function () { checklists = read(CHECKLISTS, null); })
      .then(renderChoice);
  }

  function renderChoice() {
    var select = document.getElementById('offline-checklist');
    var chosen = select.value;
    select.innerHTML = '';
    if (!checklists) {
      document.getElementById('no-checklists').hidden = false;
      return;
    }
    checklists.checklists.forEach(function (checklist) {
      select.appendChild(el('option', { value: checklist.id }, checklist.title));
    });
    if (chosen) { select.value = chosen; }
    renderQuestions();
  }

  function choices(name, idPrefix, values, type) {
    var box = el('div', { 'class': 'choices' });
    Object.keys(values).forEach(function (value) {
      var id = idPrefix + value;
      var choice = el('label', { 'for': id });
      choice.appendChild(el('input', { type: type, name: name, id: id, value: value }));
      choice.appendChild(el('span', {}, values[value]));
      box.appendChild(choice);
    });
    return box;
  }

  function current() {
    var id = document.getElementById('offline-checklist').value;
    return checklists.checklists.filter(function (c) { return c.id === id; })[0];
  }

  function renderQuestions() {
    var container = document.getElementById('offline-questions');
    container.innerHTML = '';
    var checklist = current();
    if (!checklist) { return; }
    var age = el('fieldset', { 'class': 'question context' });
    age.appendChild(el('legend', {}, label('age')));
    age.appendChild(choices('ageGroup', 'age-', checklists.ageGroups, 'radio'));
    container.appendChild(age);
    var forms = el('fieldset', { 'class': 'question context' });
    forms.appendChild(el('legend', {}, label('forms')));
    forms.appendChild(choices('forms', 'form-', checklists.forms, 'checkbox'));
    container.appendChild(forms);
    checklist.sections.forEach(function (section) {
      container.appendChild(el('h2', {}, section.title));
      section.questions.forEach(function (question) {
        var set = el('fieldset', { 'class': 'question', id: 'question-' + question.id });
        set.appendChild(el('legend', {}, question.text));
        set.appendChild(choices('q.' + question.id, 'q-' + question.id + '-', checklists.answers, 'radio'));
        container.appendChild(set);
      });
    });
  }

  function keep(event) {
    event.preventDefault();
    var checklist = current();
    if (!checklist) { return; }
    var form = document.getElementById('offline-form');
    var answers = {};
    var forms = [];
    var ageGroup = null;
    Array.prototype.forEach.call(form.querySelectorAll('input:checked'), function (input) {
      if (input.name.indexOf('q.') === 0) { answers[input.name.slice(2)] = input.value; }
      if (input.name === 'forms') { forms.push(input.value); }
      if (input.name === 'ageGroup') { ageGroup = input.value; }
    });
    var waiting = read(WAITING, []);
    waiting.push({
      key: newKey(), checklist: checklist.id, checklistVersion: checklist.version, title: checklist.title,
      ageGroup: ageGroup, forms: forms, answers: answers, keptAt: new Date().toISOString(), state: 'waiting'
    });
    write(WAITING, waiting);
    form.reset();
    window.scrollTo(0, 0);
    renderWaiting();
    if (navigator.onLine) { send(); }
  }

  function mark(key, state, problem) {
    write(WAITING, read(WAITING, []).map(function (item) {
      if (item.key === key) { item.state = state; item.problem = problem || null; }
      return item;
    }));
  }

  function sent(item, answer) {
    write(WAITING, read(WAITING, []).filter(function (waiting) { return waiting.key !== item.key; }));
    // a screening sent again (its first answer was lost) is listed once
    var list = read(SENT, []).filter(function (done) { return done.key !== item.key; });
    list.unshift({ key: item.key, title: item.title, result: answer.result, sentAt: new Date().toISOString() });
    write(SENT, list.slice(0, 10));
  }

  // one item at a time, in the order kept; each is sent with its key, so that an answer lost on the way back
  // (the network dropped again) makes the next send find the screening saved, not save it twice
  function send() {
    if (sending) { return Promise.resolve(); }
    sending = true;
    var queue = read(WAITING, []).filter(function (item) { return item.state !== 'refused'; });
    var next = function () {
      var item = queue.shift();
      if (!item) { return Promise.resolve(); }
      mark(item.key, 'sending');
      renderWaiting();
      return fetch(base + 'screenings', {
        method: 'POST', credentials: 'same-origin', headers: csrf(),
        body: JSON.stringify({
          key: item.key, checklist: item.checklist, checklistVersion: item.checklistVersion,
          ageGroup: item.ageGroup, forms: item.forms, answers: item.answers
        })
      }).then(function (response) {
        if ((response.status === 200 || response.status === 201) && !response.redirected) {
          return response.json().then(function (answer) { sent(item, answer); return next(); });
        }
        if (response.redirected || response.status === 401 || response.status === 403) {
          mark(item.key, 'signIn');
          return undefined;
        }
        if (response.status >= 400 && response.status < 500) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            mark(item.key, 'refused', problem.detail || problem.title || String(response.status));
            return next();
          });
        }
        mark(item.key, 'waiting');
        return undefined;
      }, function () {
        mark(item.key, 'waiting');
      });
    };
    return next().then(function () { sending = false; renderWaiting(); }, function () { sending = false; renderWaiting(); });
  }

  function discard(key) {
    if (!window.confirm(label('discard-confirm'))) { return; }
    write(WAITING, read(WAITING, []).filter(function (item) { return item.key !== key; }));
    renderWaiting();
  }

  function renderWaiting() {
    var waiting = read(WAITING, []);
    var list = document.getElementById('waiting-list');
    list.innerHTML = '';
    document.getElementById('waiting-count').textContent = label('waiting-count').replace('{0}', String(waiting.length));
    document.getElementById('waiting-none').hidden = waiting.length > 0;
    document.getElementById('send-now').hidden = waiting.length === 0;
    waiting.forEach(function (item) {
      var row = el('li', { 'class': 'waiting-item', 'data-state': item.state, 'data-key': item.key });
      row.appendChild(el('strong', {}, item.title));
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('span', { 'class': 'hint' }, new Date(item.keptAt).toLocaleString(document.documentElement.lang)));
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('span', { 'class': item.state === 'refused' || item.state === 'signIn' ? 'badge overdue' : 'badge' },
        label('state-' + item.state)));
      if (item.problem) { row.appendChild(el('p', { 'class': 'error' }, item.problem)); }
      var button = el('button', { type: 'button', 'class': 'secondary discard' }, label('discard'));
      button.addEventListener('click', function () { discard(item.key); });
      row.appendChild(button);
      list.appendChild(row);
    });
    var sentList = document.getElementById('sent-list');
    sentList.innerHTML = '';
    read(SENT, []).forEach(function (item) {
      var row = el('li', { 'class': 'sent-item' });
      row.appendChild(el('strong', {}, item.title));
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('span', { 'class': 'badge active' }, label('state-sent')));
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('a', { href: item.result, 'class': 'result-link' }, label('open-result')));
      sentList.appendChild(row);
    });
  }

  document.getElementById('offline-checklist').addEventListener('change', renderQuestions);
  document.getElementById('offline-form').addEventListener('submit', keep);
  document.getElementById('send-now').addEventListener('click', function () { send(); });
  window.addEventListener('online', function () { showNetwork(); send(); });
  window.addEventListener('offline', showNetwork);
  showNetwork();
  renderWaiting();
  loadChecklists().then(function () { if (navigator.onLine) { send(); } });
}());
