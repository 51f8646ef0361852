// Cockpit plugins for auditors: every commissioning cycle, running or finished, with its history
// and coproduction evidence, and the same figures across cycles.
//
// The data comes from the application's read-only endpoints under /app/api/audit, which check the
// Cockpit session (auditors and administrators only) and read the engine's history as the person
// signed in. Everything shown was typed by someone, so the page is built with DOM nodes and
// textContent only: no innerHTML, no HTML strings, no data in attributes other than links built
// from numeric ids.

const API = '/app/api/audit';
const ROUTE = '/coproduction';

// ---- building the page from data, always as text ----

function el(tag, options, ...children) {
  const node = document.createElement(tag);
  const opts = options || {};
  if (opts.className) {
    node.className = opts.className;
    // Cockpit's grey for muted text is too faint to read easily (below WCAG AA's 4.5:1); this one passes.
    if (opts.className.split(' ').includes('text-muted')) {
      node.style.color = '#595959';
    }
  }
  if (opts.href) {
    node.setAttribute('href', opts.href);
  }
  if (opts.download) {
    node.setAttribute('download', '');
  }
  if (opts.style) {
    Object.assign(node.style, opts.style);
  }
  for (const child of children) {
    append(node, child);
  }
  return node;
}

function append(node, child) {
  if (child === null || child === undefined) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach(c => append(node, c));
  } else if (child instanceof Node) {
    node.appendChild(child);
  } else {
    node.appendChild(document.createTextNode(String(child)));
  }
}

function text(value) {
  return value === null || value === undefined || value === '' ? '–' : String(value);
}

function when(value) {
  if (!value) {
    return '–';
  }
  const date = new Date(value);
  return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

// The codes the application stores, in the words people use. An unknown code shows as it is.
const STATUS_WORDS = {
  ACTIVE: 'Running',
  CANCELLING: 'Stopping: feedback still to reach everyone',
  CANCELLED: 'Stopped',
  COMPLETED: 'Finished',
  WAITING: 'Waiting',
  ACKNOWLEDGED: 'Read by them',
  ATTESTED: 'Delivered by a coordinator'
};

function status(code) {
  return code && Object.prototype.hasOwnProperty.call(STATUS_WORDS, code) ? STATUS_WORDS[code] : text(code);
}

function yesNo(value) {
  return value === true ? 'yes' : value === false ? 'no' : '–';
}

function share(value) {
  return value === null || value === undefined ? '–' : Math.round(value * 1000) / 10 + '%';
}

function money(value) {
  return value === null || value === undefined ? '–' : '£' + Number(value).toFixed(2);
}

function cycleLink(id) {
  return '#' + ROUTE + '/' + encodeURIComponent(Number(id));
}

function table(headers, rows, empty) {
  if (!rows.length) {
    return el('p', {className: 'text-muted'}, empty || 'None.');
  }
  return el('table', {className: 'table table-bordered table-condensed cam-table'},
    el('thead', null, el('tr', null, headers.map(h => el('th', null, h)))),
    el('tbody', null, rows.map(cells => el('tr', null, cells.map(c => el('td', null, c))))));
}

function section(title, ...content) {
  return el('section', {style: {marginBottom: '24px'}}, el('h3', null, title), content);
}

function page(node, ...content) {
  node.textContent = '';
  // Cockpit's main area clips what overflows it (overflow: hidden), so the page fills that area and
  // scrolls itself; otherwise everything below the first screen could not be reached.
  node.appendChild(el('div', {className: 'coproduction-audit', style: {position: 'absolute', top: '0', right: '0',
    bottom: '0', left: '0', padding: '16px 24px', overflow: 'auto'}},
    content));
}

async function read(path) {
  const response = await fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    throw new Error(body && body.message ? body.message : 'The audit figures could not be read (' + response.status + ').');
  }
  return body;
}

function showProblem(node, problem) {
  page(node, el('div', {className: 'alert alert-danger'}, problem.message));
}

// ---- the list of cycles and the figures across cycles ----

function figuresSection(figures) {
  const spread = figures.hoursPerExpert || {};
  return section('Across all cycles',
    table(['Figure', 'Value'], [
      ['Cycles', figures.cycles + ' (' + figures.running + ' running, ' + figures.completed + ' completed, '
        + figures.cancelled + ' cancelled)'],
      ['Median days from the decision on a contribution to its contributor having feedback',
        text(figures.medianDaysFromDecisionToFeedback) + ' (' + figures.feedbackMeasured + ' contributors)'],
      ['Contributions adopted', share(figures.shareAdopted) + ' of ' + figures.contributionsAnswered + ' answered'],
      ['Contributions partly adopted', share(figures.sharePartly)],
      ['Contributions not adopted', String(figures.notAdopted)],
      ['Sessions held with the full minimum notice', figures.sessionsWithFullNotice + ' of ' + figures.sessions],
      ['Hours per expert (least, median, most)',
        text(spread.min) + ', ' + text(spread.median) + ', ' + text(spread.max) + ' across ' + spread.experts + ' experts']
    ]),
    el('p', null,
      el('a', {href: API + '/cycles.csv', download: true}, 'Download the figures per cycle (CSV)'), ' · ',
      el('a', {href: API + '/experts.csv', download: true}, 'Download the hours per expert (CSV)')),
    el('h4', null, 'Hours per expert'),
    table(['Contributor', 'Hours given', 'Sessions attended'],
      (figures.experts || []).map(e => [e.contributor, String(e.hours), String(e.sessions)]), 'No experts yet.'));
}

// The list is read a page at a time (newest first), so it loads as fast after years of cycles as in
// the first month; the buttons read the next page of newer or older cycles.
function pager(list, onPage) {
  const buttons = [];
  const button = (label, page) => {
    const node = el('button', {className: 'btn btn-default', style: {marginRight: '8px'}}, label);
    node.setAttribute('type', 'button');
    node.addEventListener('click', () => onPage(page));
    buttons.push(node);
  };
  if (list.newer) {
    button('‹ Newer cycles', list.page - 1);
  }
  if (list.older) {
    button('Older cycles ›', list.page + 1);
  }
  return buttons.length ? el('p', null, 'Page ' + list.page + '. ', buttons) : null;
}

function cyclesSection(list, onPage) {
  const cycles = list.cycles;
  return section('Commissioning cycles',
    pager(list, onPage),
    table(['Cycle', 'Title', 'Status', 'Started', 'Ended', 'Gates passed', 'Contributions', 'Adopted',
      'Feedback: acknowledged / attested / waiting', 'Median days to feedback',
      'Replies to feedback: answered / waiting'],
    cycles.map(c => [
      el('a', {href: cycleLink(c.cycleId)}, 'Cycle ' + c.cycleId),
      el('a', {href: cycleLink(c.cycleId)}, text(c.title)),
      status(c.status), when(c.startedAt), when(c.endedAt), String(c.gatesPassed), String(c.contributions),
      String(c.adopted), c.acknowledged + ' / ' + c.attested + ' / ' + c.waiting,
      text(c.medianDaysFromDecisionToFeedback), c.repliesAnswered + ' / ' + c.repliesWaiting
    ]), 'No cycles yet.'),
    pager(list, onPage));
}

// "How was it for you?": counts and shares only, small numbers already shown as "fewer than 5". The
// cycles are those of the page shown, so the table does not grow with the years of history.
function howItFeltSection(report, cyclesShown) {
  const line = (name, f) => [name, text(f.answers), text(f.listenedTo), text(f.prepared), text(f.fairlyPaid),
    text(f.wouldTakePartAgain)];
  const shown = new Set((cyclesShown || []).map(c => String(c.cycleId)));
  const rows = Object.values(report.perCycle || {}).filter(f => shown.has(String(f.cycleId)))
    .map(f => line('Cycle ' + f.cycleId, f));
  rows.push(line('All cycles', report.acrossCycles));
  return section('How taking part felt for experts',
    el('p', {className: 'text-muted'}, 'What experts said after each session, as counts only. Fewer than 5 '
      + 'answers are not shown, so nobody can be picked out.'),
    table(['Cycles', 'Answers', 'Felt listened to', 'Felt prepared enough', 'Felt fairly paid', 'Would take part again'],
      rows),
    el('p', null, el('a', {href: API + '/how-it-felt.csv', download: true}, 'Download these figures (CSV)')));
}

async function renderOverview(node, pageNumber) {
  page(node, el('p', null, 'Loading the audit figures…'));
  try {
    const number = Number(pageNumber) > 0 ? Number(pageNumber) : 1;
    const [cycles, figures, howItFelt] = await Promise.all([read('/cycles?page=' + encodeURIComponent(number)),
      read('/figures'), read('/how-it-felt')]);
    page(node, el('h2', null, 'Coproduction audit'),
      el('p', {className: 'text-muted'}, 'Read only. Contributors appear by their pseudonymous reference.'),
      cyclesSection(cycles, next => renderOverview(node, next)), figuresSection(figures),
      howItFeltSection(howItFelt, cycles.cycles));
  } catch (problem) {
    showProblem(node, problem);
  }
}

// ---- one cycle ----

function historySections(history) {
  if (!history || !history.processInstanceId) {
    return section('History', el('p', {className: 'text-muted'},
      'The engine holds no history of this cycle that you may read.'));
  }
  return [
    section('Stages and gates',
      table(['Step', 'Kind', 'Started', 'Ended'], history.timeline.map(s =>
        [text(s.name), text(s.type), when(s.startedAt), when(s.endedAt)]))),
    section('Tasks',
      table(['Task', 'Process', 'Assigned to', 'Completed by', 'Created', 'Ended', 'State'], history.tasks.map(t =>
        [text(t.name), text(t.process), text(t.assignee), text(t.completedBy), when(t.createdAt), when(t.endedAt),
          text(t.state)]))),
    section('User operation log',
      table(['When', 'User', 'Operation', 'Entity', 'Property', 'Process'], history.operations.map(o =>
        [when(o.at), text(o.userId), text(o.operation), text(o.entity), text(o.property), text(o.process)])))
  ];
}

function decisionsSection(detail) {
  const d = detail.decisions;
  const award = d.award;
  return section('Decisions',
    el('h4', null, 'Specification reviews'),
    table(['Round', 'Reviewer', 'Decision', 'When'], d.specificationReviews.map(r =>
      [String(r.round), text(r.reviewer), text(r.decision), when(r.at)])),
    el('h4', null, 'Mediation meetings'),
    table(['Round', 'Meeting date', 'Recorded by'], d.mediationMeetings.map(m =>
      [String(m.round), text(m.meetingDate), text(m.recordedBy)])),
    el('h4', null, 'Declarations of interest'),
    table(['Evaluator', 'Conflict declared', 'When'], d.interestDeclarations.map(x =>
      [text(x.evaluator), yesNo(x.conflict), when(x.at)])),
    el('h4', null, 'Scores'),
    table(['Bid', 'Evaluator', 'Quality', 'Coproduction', 'Social value', 'Price', 'When'], d.scores.map(s =>
      [text(s.bidder), text(s.evaluator), String(s.quality), String(s.coproduction), String(s.socialValue),
        String(s.price), when(s.at)])),
    el('h4', null, 'Bids and agreed scores'),
    table(['Bidder', 'Price', 'Quality', 'Coproduction', 'Social value', 'Price score'], d.bids.map(b =>
      [text(b.bidder), money(b.price), text(b.quality), text(b.coproduction), text(b.socialValue),
        text(b.priceScore)])),
    el('h4', null, 'Award'),
    award ? table(['Item', 'Value'], [
      ['Notice reference', text(award.noticeReference)],
      ['Closing date', text(award.closingDate)],
      ['Weightings: quality, coproduction, social value, price', award.qualityWeighting + '%, '
        + award.coproductionWeighting + '%, ' + award.socialValueWeighting + '%, ' + award.priceWeighting + '%'],
      ['Winning bidder', text(award.winningBidder)],
      ['Expert panel agrees', yesNo(award.panelAgrees)],
      ['Explanation to the experts', text(award.reasonForExperts)],
      ['Contract', text(award.contractReference) + ', from ' + text(award.contractStartDate)]
    ]) : el('p', {className: 'text-muted'}, 'No tender yet.'),
    el('h4', null, 'Procurement steps'),
    el('p', null, el('a', {href: API + '/cycles/' + encodeURIComponent(Number(detail.cycle.cycleId))
      + '/procurement.csv', download: true}, 'Download the procurement steps (CSV)')),
    table(['Step', 'Date', 'Reference', 'Note'], (d.procurementSteps || []).map(s =>
      [text(s.step), text(s.date), text(s.reference), text(s.note)])),
    el('h4', null, 'Public page'),
    table(['When', 'User', 'What'], (d.publicPage || []).map(e =>
      [when(e.at), text(e.by), text(e.action).toLowerCase()])),
    el('h4', null, 'Review and ending'),
    table(['Item', 'Value'], [
      ['Review outcome', text(detail.reviewOutcome)],
      ['Reason for the review outcome', text(detail.reviewReason)],
      ['Reason for stopping the cycle', text(detail.cancellationReason)]
    ]));
}

/** The form of recompense an expert chose, as people say it (as the recompense CSV says it). */
const KIND_WORDS = {PAYMENT: 'payment', VOUCHER: 'voucher', TRAINING: 'training credit', NONE: 'none, by their choice'};

function evidenceSections(detail) {
  const totals = detail.recompense.reduce((sum, r) => ({
    hours: sum.hours + r.hours, amount: sum.amount + Number(r.amount), expenses: sum.expenses + Number(r.expenses)
  }), {hours: 0, amount: 0, expenses: 0});
  return [
    section('Involvement gates and notice',
      table(['Stage', 'Kind', 'Gate passed', 'Session', 'Notice (working days)', 'Minimum', 'Notice met',
        'Reason for short notice', 'Places', 'Invited', 'Accepted', 'Attended', 'Hours',
        'Why nobody could take part'], detail.gates.map(g =>
        [text(g.stage), text(g.kind), yesNo(g.passed), text(g.sessionDate), String(g.noticeWorkingDays),
          String(g.minimumNoticeWorkingDays), yesNo(g.noticeMet), text(g.shortNoticeReason), String(g.places),
          String(g.invited), String(g.accepted), String(g.attended), String(g.hours),
          text(g.nobodyCouldTakePartReason)]))),
    section('Access needs at each session',
      el('p', null, 'How many who said yes told us they needed something to take part, and whether a coordinator '
        + 'arranged it before the session. What they needed stays private to the coordinators.'),
      el('p', null, el('a', {href: API + '/cycles/' + encodeURIComponent(Number(detail.cycle.cycleId))
        + '/sessions.csv', download: true}, 'Download the sessions (CSV)')),
      table(['Stage', 'Session', 'Said yes', 'With access needs', 'Arranged before the session', 'Arranged late',
        'Not arranged'], detail.gates.map(g =>
        [text(g.stage), text(g.sessionDate), String(g.accepted), String(g.withAccessNeeds),
          String(g.accessArrangedBeforeSession), String(g.accessArrangedLate), String(g.accessNotArranged)]))),
    section('How contributions reached us',
      el('p', null, 'Every route counts for a gate and gets the same answer and feedback: said at the session, '
        + 'written or recorded by someone invited who could not come, or gathered by a peer researcher. '
        + 'Counts only, never the words.'),
      table(['Stage', 'Session', 'Gate passed', 'At the session', 'Written or recorded', 'Peer research'],
        detail.gates.map(g =>
        [text(g.stage), text(g.sessionDate), yesNo(g.passed), String(g.contributionsAtSession),
          String(g.contributionsWritten), String(g.contributionsFromPeerResearch)]))),
    section('Contributions and what became of them',
      el('p', null, el('a', {href: API + '/cycles/' + encodeURIComponent(Number(detail.cycle.cycleId))
        + '/contributions.csv', download: true}, 'Download the contributions and feedback (CSV)')),
      table(['Contribution', 'Contributor', 'Stage', 'How it reached us', 'Used in the needs assessment', 'Outcome',
        'What changed', 'Why', 'Answered'], detail.contributions.map(c =>
        [text(c.ref), text(c.contributor), text(c.stage), text(c.route), text(c.usedInNeedsAssessment),
          text(c.outcome), text(c.whatChanged), text(c.whyDecided), when(c.answeredAt)]))),
    section('Feedback to each contributor',
      table(['Contributor', 'Status', 'How delivered', 'Sent', 'Completed', 'Days from decision',
        'Days from sending'], detail.feedback.map(f =>
        [text(f.contributor), status(f.status), text(f.deliveryMethod), when(f.sentAt), when(f.completedAt),
          text(f.daysFromDecision), text(f.daysFromSending)]))),
    section('Recompense',
      el('p', null, 'What experts are owed for their time: at sessions, reviewing the specification, and at '
        + 'meetings to agree it. Reviews and meetings count towards the limit of hours like sessions.'),
      el('p', null, el('a', {href: API + '/cycles/' + encodeURIComponent(Number(detail.cycle.cycleId))
        + '/recompense.csv', download: true}, 'Download the recompense (CSV)')),
      table(['For', 'Recompense', 'Entries', 'Hours', 'Amount', 'Expenses'], detail.recompense.map(r =>
        [text(r.work), text(KIND_WORDS[r.kind] || r.kind), String(r.entries), String(r.hours), money(r.amount),
          money(r.expenses)])),
      el('p', null, 'Total: ' + totals.hours + ' hours, ' + money(totals.amount) + ' recompense and '
        + money(totals.expenses) + ' expenses.'))
  ];
}

async function renderCycle(node, cycleId) {
  page(node, el('p', null, 'Loading the cycle…'));
  try {
    const detail = await read('/cycles/' + encodeURIComponent(cycleId));
    const c = detail.cycle;
    page(node,
      el('p', null, el('a', {href: '#' + ROUTE}, '‹ All cycles')),
      el('h2', null, 'Cycle ' + c.cycleId + ': ', el('span', null, text(c.title))),
      table(['Item', 'Value'], [
        ['Status', status(c.status)],
        ['Service area', text(c.serviceArea)],
        ['Commissioner', text(c.commissioner)],
        ['Started', when(c.startedAt)],
        ['Ended', when(c.endedAt)],
        ['Gates passed', String(c.gatesPassed)],
        ['Contributions: adopted / partly / not / unanswered',
          c.adopted + ' / ' + c.partly + ' / ' + c.notAdopted + ' / ' + c.unanswered],
        ['Contributions: at sessions / written or recorded / peer research',
          c.contributionsAtSessions + ' / ' + c.contributionsWritten + ' / ' + c.contributionsFromPeerResearch],
        ['Feedback: acknowledged / attested / waiting', c.acknowledged + ' / ' + c.attested + ' / ' + c.waiting],
        ['Median days from decision to feedback', text(c.medianDaysFromDecisionToFeedback)],
        ['Replies to feedback: answered / waiting', c.repliesAnswered + ' / ' + c.repliesWaiting]
      ]),
      evidenceSections(detail), decisionsSection(detail), historySections(detail.history));
  } catch (problem) {
    showProblem(node, problem);
  }
}

function cycleIdInLocation() {
  const match = /^#\/coproduction\/(\d+)/.exec(window.location.hash || '');
  return match ? match[1] : null;
}

// ---- the plugins ----

export default [
  {
    id: 'coproduction-audit-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: ROUTE},
    checkActive: location => location.indexOf('#' + ROUTE) > -1,
    render: node => {
      node.appendChild(el('a', {href: '#' + ROUTE}, 'Coproduction audit'));
    }
  },
  {
    id: 'coproduction-audit-overview',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: node => {
      renderOverview(node);
    }
  },
  {
    id: 'coproduction-audit-cycle',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE + '/:cycleId'},
    render: node => {
      renderCycle(node, cycleIdInLocation());
    }
  },
  {
    id: 'coproduction-audit-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: async node => {
      const box = el('section', null, el('h3', null, 'Coproduction audit'), el('p', null, 'Loading…'));
      node.appendChild(box);
      try {
        const figures = await read('/figures');
        box.textContent = '';
        append(box, [
          el('h3', null, 'Coproduction audit'),
          el('p', null, figures.cycles + ' cycles (' + figures.running + ' running). Median days from a decision to '
            + 'its contributor having feedback: ' + text(figures.medianDaysFromDecisionToFeedback)
            + '. Contributions adopted: ' + share(figures.shareAdopted) + '.'),
          el('p', null, el('a', {href: '#' + ROUTE}, 'Open the coproduction audit'))
        ]);
      } catch (problem) {
        box.textContent = '';
        append(box, [el('h3', null, 'Coproduction audit'), el('p', {className: 'text-muted'}, problem.message)]);
      }
    }
  },
  {
    id: 'coproduction-audit-instance-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    properties: {label: 'Coproduction evidence'},
    render: async (node, context) => {
      const processInstanceId = context && context.processInstanceId;
      node.appendChild(el('p', null, 'Loading…'));
      try {
        const found = await read('/process-instances/' + encodeURIComponent(processInstanceId) + '/cycle');
        node.textContent = '';
        append(node, [
          el('p', null, 'This instance belongs to ',
            el('a', {href: cycleLink(found.cycleId)}, 'cycle ' + found.cycleId), ': ', text(found.title), '.'),
          table(['Figure', 'Value'], [
            ['Status', status(found.status)],
            ['Gates passed', String(found.gatesPassed)],
            ['Sessions with the full minimum notice', found.sessionsWithFullNotice + ' of ' + found.sessions],
            ['Contributions: adopted / partly / not / unanswered',
              found.adopted + ' / ' + found.partly + ' / ' + found.notAdopted + ' / ' + found.unanswered],
            ['Feedback: acknowledged / attested / waiting',
              found.acknowledged + ' / ' + found.attested + ' / ' + found.waiting]
          ])
        ]);
      } catch (problem) {
        node.textContent = '';
        append(node, el('p', {className: 'text-muted'}, problem.message));
      }
    }
  }
];
