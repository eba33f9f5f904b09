// The scenario format (docs/scenario-format.md) as data: every section, key, type, enum and reference. The generic
// renderer (render.js) draws a form from it; `widget` names a specialised editor in widgets.js.
// Types: text, longtext, id, number, int, bool, date, enum (values), ref / refs (a kind of id, see refs()), dist
// (a number or a distribution such as triangular(2, 5, 14)), condition (issue or option language), strings,
// object (fields), list (item), map (keys: a kind of id, value).

import { get } from './tree.js';

const name = { key: 'name', type: 'text', help: 'optional; defaults to the id' };
const note = { key: 'note', type: 'text' };
const visibility = ['private', 'mediator', 'participants', 'public'];

const party = {
  type: 'object', label: (x) => `party ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'roles', widget: 'roles', values: ['party', 'belligerent', 'mediator', 'guarantor', 'observer'] },
    { key: 'negotiators', type: 'strings', help: 'names' },
    { key: 'optional', type: 'bool', help: 'may stay away from the talks' },
  ],
};

const option = { type: 'object', short: 'id', label: (x) => `option ${typeof x === 'string' ? x : x?.id ?? ''}`, fields: [{ key: 'id', type: 'id' }, name] };

const issue = {
  type: 'object', label: (x) => `issue ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'kind', widget: 'issueKind' },
    { key: 'options', type: 'list', item: option, newItem: (list, ctx, path) => ({ id: `${get(ctx.tree, path.slice(0, path.lastIndexOf('/')))?.id ?? 'o'}${(list?.length ?? 0) + 1}` }), when: (x) => !x?.numeric },
    {
      key: 'numeric', type: 'object', when: (x) => !!x?.numeric, fields: [
        { key: 'min', type: 'number' }, { key: 'max', type: 'number' },
        { key: 'step', type: 'number', help: 'default 1' }, { key: 'unit', type: 'text' },
      ],
    },
  ],
};

const redLine = {
  type: 'object', label: (x) => `red line ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, { key: 'rule', type: 'condition', language: 'issue' }, note,
  ],
};

const preferences = {
  type: 'object', fields: [
    { key: 'weights', widget: 'weights' },
    { key: 'scores', widget: 'scores' },
    { key: 'reservation', widget: 'reservation' },
    { key: 'red_lines', widget: 'redLines', item: redLine },
  ],
};

const conflictOption = {
  type: 'object', short: 'id', label: (x) => `option ${typeof x === 'string' ? x : x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'direction', type: 'enum', values: ['both', 'forward', 'backward'], help: 'forward = irreversible (N→Y only)' },
  ],
};

const decisionMaker = {
  type: 'object', label: (x) => `decision maker ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'options', type: 'list', item: conflictOption, newItem: (list) => ({ id: `opt${(list?.length ?? 0) + 1}` }) },
    { key: 'preferences', widget: 'dmPreferences' },
    { key: 'misperceptions', type: 'list', item: { type: 'condition', language: 'option' }, newItem: () => '', help: 'states this decision maker does not see' },
  ],
};

const conflict = {
  type: 'object', fields: [
    { key: 'decision_makers', type: 'list', item: decisionMaker, newItem: (list) => ({ id: `DM${(list?.length ?? 0) + 1}`, options: [] }) },
    { key: 'infeasible', type: 'list', item: { type: 'condition', language: 'option' }, newItem: () => '', help: 'combinations that cannot occur' },
    { key: 'exclusive', type: 'list', item: { type: 'refs', ref: 'conflictOptions' }, newItem: () => [], help: 'groups of which at most one option may be taken' },
    { key: 'at_least_one', type: 'list', item: { type: 'refs', ref: 'conflictOptions' }, newItem: () => [], help: 'groups of which at least one option must be taken' },
    { key: 'status_quo', widget: 'statusQuo' },
  ],
};

const stage = {
  type: 'object', label: (x) => `stage ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'participants', type: 'refs', ref: 'parties' },
    { key: 'after', type: 'refs', ref: 'stages', help: 'stages that must have succeeded first' },
    { key: 'agenda', type: 'refs', ref: 'issues' },
    { key: 'success', type: 'text', help: 'what counts as success' },
    { key: 'status', type: 'enum', values: ['pending', 'open', 'done', 'failed'] },
  ],
};

const venue = {
  type: 'object', label: (x) => `venue ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name,
    { key: 'accepted_by', type: 'refs', ref: 'parties' }, { key: 'rejected_by', type: 'refs', ref: 'parties' },
  ],
};

const deadline = {
  type: 'object', label: (x) => `deadline ${x?.id ?? ''}`, fields: [
    { key: 'id', type: 'id' }, name, { key: 'date', type: 'date' },
    { key: 'stage', type: 'ref', ref: 'stages' }, { key: 'set_by', type: 'ref', ref: 'parties' },
    { key: 'consequence', type: 'enum', values: ['notice', 'stall', 'pressure', 'close-stage'] }, note,
  ],
};

const process = {
  type: 'object', fields: [
    { key: 'mediator', type: 'ref', ref: 'parties' },
    { key: 'mediator_enters', type: 'ref', ref: 'stages', help: 'the stage from which the mediator takes part' },
    { key: 'stages', type: 'list', item: stage, newItem: (list) => ({ id: `S${(list?.length ?? 0) + 1}` }) },
    { key: 'venues', type: 'list', item: venue, newItem: (list) => ({ id: `venue${(list?.length ?? 0) + 1}` }) },
    { key: 'deadlines', type: 'list', item: deadline, newItem: (list) => ({ id: `D${(list?.length ?? 0) + 1}`, date: '' }) },
    {
      key: 'confidentiality', type: 'object', fields: [
        { key: 'contents', type: 'enum', values: visibility, help: 'default participants' },
        { key: 'positions', type: 'enum', values: visibility, help: 'default private' },
        { key: 'statements', type: 'enum', values: visibility, help: 'default public' },
        { key: 'disclosure_to', type: 'enum', values: visibility, help: 'default mediator' },
        { key: 'blind_checks', type: 'enum', values: ['mediator', 'participants'] },
        { key: 'check_budget', type: 'int', help: '0–1000, default 10' },
      ],
    },
  ],
};

const protocols = ['alternating', 'mediated-veto', 'mediated-hill-climbing'];
const stageSettings = {
  type: 'object', fields: [
    { key: 'protocol', type: 'enum', values: protocols }, { key: 'mediated_protocol', type: 'enum', values: protocols },
    { key: 'rounds', type: 'int' }, { key: 'round_days', type: 'dist' }, { key: 'delay_days', type: 'dist' },
    { key: 'duration_days', type: 'dist' }, { key: 'success', type: 'number', help: 'probability' },
    { key: 'strategy', type: 'text', help: 'e.g. linear, time:e=0.5' },
  ],
};

const simulation = {
  type: 'object', fields: [
    { key: 'illustrative', type: 'bool' }, { key: 'start', type: 'date' }, { key: 'horizon_days', type: 'int' },
    { key: 'agreement_stage', type: 'ref', ref: 'stages' }, { key: 'focus_stage', type: 'ref', ref: 'stages' },
    { key: 'defaults', ...stageSettings },
    { key: 'stages', type: 'map', keys: 'stages', value: stageSettings },
    { key: 'strategies', type: 'map', keys: 'parties', value: { type: 'text' } },
    {
      key: 'uncertainty', type: 'object', fields: [
        { key: 'score_noise', type: 'number' }, { key: 'weight_concentration', type: 'number' },
        { key: 'reservation_shift', type: 'dist' }, { key: 'erosion_per_week', type: 'dist' },
        {
          key: 'red_lines', type: 'object', fields: [
            { key: 'firm', type: 'number' }, { key: 'softening_per_week', type: 'number' },
            { key: 'overrides', type: 'map', keys: 'redLines', value: { type: 'object', fields: [{ key: 'firm', type: 'number' }, { key: 'softening_per_week', type: 'number' }] } },
          ],
        },
      ],
    },
    {
      key: 'retry', type: 'object', fields: [
        { key: 'after_days', type: 'dist' }, { key: 'max', type: 'int' }, { key: 'restart_from', type: 'text', help: 'a stage id or failed-stage' },
        { key: 'deadline_days', type: 'number' },
        {
          key: 'pressure', type: 'object', fields: [
            { key: 'reservation_shift', type: 'dist' }, { key: 'softening_boost', type: 'number' }, { key: 'parties', type: 'refs', ref: 'parties' },
          ],
        },
      ],
    },
  ],
};

const forecast = {
  type: 'object', fields: [
    { key: 'illustrative', type: 'bool' }, note,
    {
      key: 'dimensions', type: 'list', newItem: (list) => ({ id: `dim${(list?.length ?? 0) + 1}` }), item: {
        type: 'object', label: (x) => `dimension ${x?.id ?? ''}`, fields: [
          { key: 'id', type: 'id' }, name, { key: 'issue', type: 'ref', ref: 'issues' },
          { key: 'low', type: 'text', help: 'label of 0' }, { key: 'high', type: 'text', help: 'label of 100' },
        ],
      },
    },
    {
      key: 'actors', type: 'list', newItem: (list) => ({ id: `actor${(list?.length ?? 0) + 1}` }), item: {
        type: 'object', label: (x) => `actor ${x?.id ?? ''}`, fields: [
          { key: 'id', type: 'id' }, name, { key: 'capability', type: 'number' },
          { key: 'position', type: 'map', keys: 'dimensions', value: { type: 'number' }, help: '0–100 per dimension' },
          { key: 'salience', type: 'map', keys: 'dimensions', value: { type: 'number' }, help: '0–100, at most 100 in all' },
        ],
      },
    },
  ],
};

// Sections never created on their own by a form: an optional top-level section starts empty when first opened.
export const TABS = [
  {
    id: 'situation', label: 'Situation', fields: [
      { key: 'parley', type: 'text', help: 'format version (1)' },
      { key: 'id', type: 'id' },
      { key: 'title', type: 'text' },
      { key: 'description', type: 'longtext' },
      { key: 'scale', widget: 'scale' },
      { key: 'parties', type: 'list', item: party, newItem: (list) => ({ id: `P${(list?.length ?? 0) + 1}` }) },
    ],
  },
  { id: 'issues', label: 'Issues', fields: [{ key: 'issues', type: 'list', item: issue, newItem: (list) => ({ id: `I${(list?.length ?? 0) + 1}`, options: [] }) }] },
  { id: 'preferences', label: 'Preferences', fields: [{ key: 'preferences', type: 'map', keys: 'parties', value: preferences, open: true }] },
  { id: 'conflict', label: 'Conflict', fields: [{ key: 'conflict', optional: true, ...conflict }] },
  { id: 'process', label: 'Process', fields: [{ key: 'process', optional: true, ...process }] },
  { id: 'simulation', label: 'Simulation & Forecast', fields: [{ key: 'simulation', optional: true, ...simulation }, { key: 'forecast', optional: true, ...forecast }] },
];

// Which tab shows the node at a JSON pointer (for errors found on another tab).
export function tabOf(ptr) {
  const top = ptr.split('/')[1] ?? '';
  if (top === 'simulation' || top === 'forecast') return 'simulation';
  return TABS.find(t => t.fields.some(f => f.key === top))?.id ?? 'situation';
}
