#!/usr/bin/env python3
"""Independent reference implementation of the gold metric definitions.

Recomputes the six gold tables (`completion`, `retention`, `attendance`,
`cost_per_outcome`, `cost_by_payer`, `trends`) of `shared/spec/metrics.md` (version 2), and
two of its research tables (`engagement`, and the deterministic columns of
`level_of_care_comparison`), from one input batch, after applying every rule of `shared/spec/data-contract.md`,
following the choices recorded in `docs/decisions.md` where the spec is
silent. It is written from those documents only (not from the Java code) and
uses nothing but the Python standard library, so that its output can serve as
the expected results of the pipeline's end-to-end test.

    python3 tools/reference/reference_metrics.py --input BATCH_DIR --out OUT_DIR [--as-of yyyy-MM-dd]
"""

import argparse
import csv
import datetime
import json
import math
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ENTITIES = ("episodes", "sessions", "attendance", "costs")
WINDOWS = (30, 60, 90, 180)
Z = 1.959963984540054
ALL = "all"

PAYERS = ("private_insurance", "medicaid", "medicare", "other_government", "self_pay",
          "sliding_scale", "financing", "employee_assistance", "grant_scholarship",
          "no_charge", "other")
CODES = {
    "level_of_care": ("inpatient", "residential", "partial_hospitalization",
                      "intensive_outpatient", "outpatient"),
    "discharge_reason": ("completed", "dropped_out", "terminated_by_facility", "transferred",
                         "incarcerated", "death", "other"),
    "payment_source": PAYERS,
    "payer": PAYERS,
    "age_group": ("12-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"),
    "sex": ("female", "male", "other", "unknown"),
    "primary_substance": ("alcohol", "opioids", "stimulants", "cannabis", "sedatives",
                          "other", "unknown"),
    "program_component": ("individual_counseling", "group_therapy", "family_therapy",
                          "holistic", "psychoeducation", "medication_management", "assessment"),
    "delivery_mode": ("in_person", "telehealth"),
    "status": ("attended", "no_show", "late_cancel", "cancelled"),
    "cost_category": ("assessment", "therapy", "medication", "room_and_board", "lab",
                      "other", "adjustment"),
}
# Codes whose empty value means a default rather than "missing".
CODE_DEFAULTS = {"sex": "unknown", "primary_substance": "unknown", "delivery_mode": "in_person"}

# (column, type, required) per entity, as in the contract's tables. "Required" here means
# unconditionally required; conditional requirements are cross-field rules below.
SCHEMA = {
    "episodes": [
        ("episode_id", "string", True),
        ("person_id", "string", True),
        ("program_id", "string", True),
        ("level_of_care", "code", True),
        ("admission_date", "date", True),
        ("discharge_date", "date", False),
        ("discharge_reason", "code", False),
        ("payment_source", "code", True),
        ("age_group", "code", True),
        ("sex", "code", False),
        ("primary_substance", "code", False),
        ("co_occurring_mental_health", "boolean", False),
        ("prior_treatment_episodes", "integer", False),
    ],
    "sessions": [
        ("session_id", "string", True),
        ("program_id", "string", True),
        ("program_component", "code", True),
        ("activity", "string", False),
        ("session_date", "date", True),
        ("scheduled_minutes", "integer", True),
        ("delivery_mode", "code", False),
    ],
    "attendance": [
        ("session_id", "string", True),
        ("episode_id", "string", True),
        ("status", "code", True),
        ("minutes_attended", "integer", False),
    ],
    "costs": [
        ("cost_id", "string", True),
        ("episode_id", "string", True),
        ("session_id", "string", False),
        ("service_date", "date", True),
        ("cost_category", "code", True),
        ("amount", "decimal", True),
        ("payer", "code", True),
    ],
}
KEYS = {
    "episodes": ("episode_id",),
    "sessions": ("session_id",),
    "attendance": ("session_id", "episode_id"),
    "costs": ("cost_id",),
}

OUTPUT_COLUMNS = {
    "completion": ["level_of_care", "program_component", "payment_source", "episodes_discharged",
                   "episodes_completed", "completion_rate", "completion_rate_ci_low",
                   "completion_rate_ci_high", "episodes_dropped_out", "dropout_rate",
                   "episodes_transferred", "dropout_rate_ci_low", "dropout_rate_ci_high", "as_of"],
    "retention": ["level_of_care", "program_component", "payment_source", "window_days",
                  "episodes_eligible", "episodes_retained", "retention_rate",
                  "retention_rate_ci_low", "retention_rate_ci_high", "as_of"],
    "attendance": ["level_of_care", "program_component", "payment_source", "sessions_scheduled",
                   "sessions_attended", "attendance_rate", "missed_rate", "attended_hours", "as_of"],
    "cost_per_outcome": ["level_of_care", "program_component", "payment_source",
                         "episodes_discharged", "total_cost", "cost_per_episode",
                         "episodes_completed", "cost_per_completion", "episodes_retained_90",
                         "cost_per_retained_90", "attended_hours", "cost_per_attended_hour",
                         "cost_per_episode_ci_low", "cost_per_episode_ci_high",
                         "cost_per_completion_ci_low", "cost_per_completion_ci_high",
                         "cost_per_retained_90_ci_low", "cost_per_retained_90_ci_high", "as_of"],
    "cost_by_payer": ["payer", "level_of_care", "cost_category", "amount", "charges", "episodes",
                      "share_of_total", "as_of"],
    "engagement": ["level_of_care", "program_component", "payment_source",
                   "episodes_eligible_initiation", "episodes_initiated", "initiation_rate",
                   "initiation_rate_ci_low", "initiation_rate_ci_high",
                   "episodes_eligible_engagement", "episodes_engaged", "engagement_rate",
                   "engagement_rate_ci_low", "engagement_rate_ci_high", "as_of"],
    "level_of_care_comparison": ["reference_level", "comparison_level", "measure", "iop_n",
                                 "other_n", "iop_value", "other_value", "difference",
                                 "interval_method", "iop_standardised", "other_standardised",
                                 "standardised_difference", "standard_population_share", "icer",
                                 "as_of"],
    "trends": ["admission_month", "level_of_care", "admissions", "episodes_discharged",
               "episodes_completed", "completion_rate", "completion_rate_ci_low",
               "completion_rate_ci_high", "episodes_eligible_90", "episodes_retained_90",
               "retention_rate_90", "retention_rate_90_ci_low", "retention_rate_90_ci_high",
               "total_cost", "cost_per_episode", "as_of"],
}
SORT_COLUMNS = {
    "completion": ["level_of_care", "program_component", "payment_source"],
    "retention": ["level_of_care", "program_component", "payment_source", "window_days"],
    "attendance": ["level_of_care", "program_component", "payment_source"],
    "cost_per_outcome": ["level_of_care", "program_component", "payment_source"],
    "cost_by_payer": ["payer", "level_of_care", "cost_category"],
    "trends": ["admission_month", "level_of_care"],
    "engagement": ["level_of_care", "program_component", "payment_source"],
    "level_of_care_comparison": ["comparison_level", "measure"],
}


class StopRun(Exception):
    """A file that cannot be taken at all: the run stops before anything is written."""


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------

class Malformed(Exception):
    """A record whose fields cannot be trusted (quarantined with this one rule)."""


def split_csv_line(line):
    """Split one physical line into RFC 4180 fields; raise Malformed on a quoting error.

    A record must stay on one line (decisions.md), so a quote left open at the end of the line
    is an unbalanced quote. A quote inside an unquoted field, or text after a closing quote,
    is not RFC 4180 either and is treated the same way.
    """
    fields, i, n = [], 0, len(line)
    while True:
        if i < n and line[i] == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    raise Malformed("malformed:unbalanced_quote")
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(line[i])
                i += 1
            fields.append("".join(buf))
            if i == n:
                return fields
            if line[i] != ",":
                raise Malformed("malformed:unbalanced_quote")
            i += 1
        else:
            j = line.find(",", i)
            field = line[i:] if j < 0 else line[i:j]
            if '"' in field:
                raise Malformed("malformed:unbalanced_quote")
            fields.append(field)
            if j < 0:
                return fields
            i = j + 1


def physical_lines(path):
    """Yield (line_number, bytes) for every physical line of a file, without line endings."""
    with open(path, "rb") as fh:
        data = fh.read()
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    for number, raw in enumerate(parts, start=1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield number, raw


def json_scalar_to_text(value):
    """Render a JSON value as the text a CSV cell would hold (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return value
    return NotScalar(value)


class NotScalar:
    """A JSON array or object where a single value was expected (a type error)."""

    def __init__(self, value):
        self.value = value


def read_csv_records(path, entity, display):
    """Return (header, records); a record is (line, dict or None, malformed_rule)."""
    lines = list(physical_lines(path))
    if not lines:
        raise StopRun("%s: empty file, no header row" % display)
    _, raw_header = lines[0]
    try:
        header = split_csv_line(raw_header.decode("utf-8"))
    except (UnicodeDecodeError, Malformed):
        raise StopRun("%s: the header row cannot be read" % display)
    header = [h.strip().lower() for h in header]
    check_columns(entity, header, display, require_all=True)
    records = []
    for number, raw in lines[1:]:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            records.append((number, None, "malformed:invalid_utf8"))
            continue
        if text.strip() == "":
            continue  # a blank line carries no record
        try:
            fields = split_csv_line(text)
        except Malformed as err:
            records.append((number, None, str(err)))
            continue
        if len(fields) != len(header):
            records.append((number, None, "malformed:field_count"))
            continue
        records.append((number, dict(zip(header, fields)), None))
    return header, records


def read_jsonl_records(path, entity, display):
    """Return records of a JSON Lines file: (line, dict or None, malformed_rule)."""
    records = []
    for number, raw in physical_lines(path):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            records.append((number, None, "malformed:invalid_utf8"))
            continue
        if text.strip() == "":
            continue
        try:
            obj = json.loads(text, parse_float=Decimal)
        except ValueError:
            records.append((number, None, "malformed:not_json_object"))
            continue
        if not isinstance(obj, dict):
            records.append((number, None, "malformed:not_json_object"))
            continue
        keys = [k.strip().lower() for k in obj]
        check_columns(entity, keys, display, require_all=False)
        records.append((number, {k.strip().lower(): json_scalar_to_text(v) for k, v in obj.items()}, None))
    return records


# ---------------------------------------------------------------------------------------------
# Direct identifiers (the run only takes de-identified data)
# ---------------------------------------------------------------------------------------------

IDENTIFIER_TOKENS = {"ssn", "mrn", "dob", "email", "phone", "telephone", "mobile", "cellphone",
                     "address", "street", "surname", "firstname", "lastname", "fullname",
                     "birthdate", "birthday", "zipcode", "postcode", "postalcode"}
IDENTIFIER_SEQUENCES = [("e", "mail"), ("date", "of", "birth"), ("birth", "date"),
                        ("social", "security"), ("medical", "record"), ("zip", "code"),
                        ("postal", "code")]
PERSON_NAME_QUALIFIERS = {"first", "last", "full", "given", "family", "middle", "maiden",
                          "patient", "client", "person", "member", "legal", "preferred"}
IDENTIFIER_VALUE_PATTERNS = [
    ("e-mail address", re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")),
    ("SSN", re.compile(r"^\d{3}-\d{2}-\d{4}$")),
    ("phone number", re.compile(r"^(\+?1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$")),
]


def looks_like_identifier_column(name):
    """True when a column name names a direct identifier (name, address, phone, ...)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    tokens = [t for t in re.split(r"[^a-z0-9]+", spaced.lower()) if t]
    if any(t in IDENTIFIER_TOKENS for t in tokens):
        return True
    if tokens == ["name"] or ("name" in tokens and PERSON_NAME_QUALIFIERS & set(tokens)):
        return True
    for seq in IDENTIFIER_SEQUENCES:
        for i in range(len(tokens) - len(seq) + 1):
            if tuple(tokens[i:i + len(seq)]) == seq:
                return True
    return False


def check_columns(entity, columns, display, require_all):
    """Stop the run on an identifier-looking column or (CSV) a missing required column."""
    for col in columns:
        if looks_like_identifier_column(col):
            raise StopRun("%s: column '%s' looks like a direct identifier" % (display, col))
    if require_all:
        missing = [c for c, _, req in SCHEMA[entity] if req and c not in columns]
        if missing:
            raise StopRun("%s: missing required column(s) %s" % (display, ", ".join(missing)))


def check_identifier_values(record, display, line):
    """Stop the run when a value looks like an e-mail address, SSN or phone number."""
    for col, value in record.items():
        if isinstance(value, str):
            for what, pattern in IDENTIFIER_VALUE_PATTERNS:
                if pattern.match(value.strip()):
                    raise StopRun("%s line %d: column '%s' holds what looks like a %s"
                                  % (display, line, col, what))


# ---------------------------------------------------------------------------------------------
# Row rules
# ---------------------------------------------------------------------------------------------

INTEGER_RE = re.compile(r"^[+-]?[0-9]+$")
DECIMAL_RE = re.compile(r"^[+-]?[0-9]+(\.[0-9]{1,2})?$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def parse_value(column, kind, text):
    """Parse one trimmed, non-empty text value; return (value, rule or None)."""
    if kind == "string":
        return text, None
    if kind == "code":
        code = text.lower()
        return (code, None) if code in CODES[column] else (None, "code:" + column)
    if kind == "date":
        if DATE_RE.match(text):
            try:
                return datetime.date.fromisoformat(text), None
            except ValueError:
                pass
        return None, "type:" + column
    if kind == "integer":
        return (int(text), None) if INTEGER_RE.match(text) else (None, "type:" + column)
    if kind == "decimal":
        return (Decimal(text), None) if DECIMAL_RE.match(text) else (None, "type:" + column)
    if kind == "boolean":
        low = text.lower()
        return (BOOLEANS[low], None) if low in BOOLEANS else (None, "type:" + column)
    raise ValueError(kind)


def parse_row(entity, raw):
    """Type-check one record; return (values, rules). Missing values are None."""
    values, rules = {}, []
    for column, kind, required in SCHEMA[entity]:
        text = raw.get(column)
        if isinstance(text, NotScalar):
            values[column] = None
            rules.append("type:" + column)
            continue
        text = text.strip() if text is not None else ""
        if text == "":
            values[column] = CODE_DEFAULTS.get(column)
            if required:
                rules.append("required:" + column)
            continue
        value, rule = parse_value(column, kind, text)
        values[column] = value
        if rule:
            rules.append(rule)
    return values, rules


def row_rules_episodes(v, raw):
    """Ranges and cross-field rules of an episode row."""
    rules = []
    if v["prior_treatment_episodes"] is not None and v["prior_treatment_episodes"] < 0:
        rules.append("range:prior_treatment_episodes")
    discharge_set = present(raw.get("discharge_date"))
    reason_set = present(raw.get("discharge_reason"))
    if discharge_set and not reason_set:
        rules.append("discharge_reason_required")
    if reason_set and not discharge_set:
        rules.append("discharge_reason_without_discharge")
    if v["discharge_date"] and v["admission_date"] and v["discharge_date"] < v["admission_date"]:
        rules.append("discharge_before_admission")
    return rules


def row_rules_sessions(v, raw):
    """scheduled_minutes is 1 to 720."""
    m = v["scheduled_minutes"]
    return ["range:scheduled_minutes"] if m is not None and not 1 <= m <= 720 else []


def row_rules_attendance(v, raw):
    """minutes_attended: 0 or more; required when attended, else empty or 0."""
    rules = []
    m = v["minutes_attended"]
    if m is not None and m < 0:
        rules.append("range:minutes_attended")
    raw_minutes = raw.get("minutes_attended")
    if v["status"] == "attended" and not isinstance(raw_minutes, NotScalar) and not present(raw_minutes):
        rules.append("minutes_required_when_attended")
    if v["status"] in ("no_show", "late_cancel", "cancelled") and m not in (None, 0):
        rules.append("minutes_when_not_attended")
    return rules


def row_rules_costs(v, raw):
    """amount: decimal(12,2); negative only when cost_category is adjustment."""
    rules = []
    amount = v["amount"]
    if amount is not None:
        if abs(amount) >= Decimal("10000000000"):
            rules.append("range:amount")
        if amount < 0 and v["cost_category"] != "adjustment":
            rules.append("negative_amount_not_adjustment")
    return rules


ROW_RULES = {"episodes": row_rules_episodes, "sessions": row_rules_sessions,
             "attendance": row_rules_attendance, "costs": row_rules_costs}


def present(text):
    return text is not None and not isinstance(text, NotScalar) and text.strip() != ""


def reference_rules_attendance(v, episodes, sessions):
    """Must name an accepted session and episode; session date within the episode's dates;
    minutes_attended up to the session's scheduled_minutes."""
    rules = []
    session = sessions.get(v["session_id"])
    episode = episodes.get(v["episode_id"])
    if session is None:
        rules.append("reference:session_id")
    if episode is None:
        rules.append("reference:episode_id")
    if session is not None and v["minutes_attended"] is not None:
        if v["minutes_attended"] > session["scheduled_minutes"]:
            rules.append("range:minutes_attended")
    if session is not None and episode is not None:
        if session["session_date"] < episode["admission_date"]:
            rules.append("session_before_admission")
        if episode["discharge_date"] and session["session_date"] > episode["discharge_date"]:
            rules.append("session_after_discharge")
    return rules


def reference_rules_costs(v, episodes, sessions):
    """Must name an accepted episode, and an accepted session when session_id is set."""
    rules = []
    if episodes.get(v["episode_id"]) is None:
        rules.append("reference:episode_id")
    if v["session_id"] is not None and sessions.get(v["session_id"]) is None:
        rules.append("reference:session_id")
    return rules


# ---------------------------------------------------------------------------------------------
# Loading a batch
# ---------------------------------------------------------------------------------------------

def list_batch_files(batch_dir):
    """Return [(entity, path, display_name)] for the batch's CSV and JSON Lines files.

    An entity is a file `<entity>.csv|.jsonl` or a folder `<entity>/` of part files. Parquet
    files are skipped (this reference reads CSV and JSON Lines only).
    """
    found = []
    for name in sorted(os.listdir(batch_dir)):
        if name.startswith((".", "_")):
            continue
        path = os.path.join(batch_dir, name)
        if os.path.isdir(path):
            if name not in ENTITIES:
                raise StopRun("%s: unknown entity folder" % name)
            for part in sorted(os.listdir(path)):
                if part.startswith((".", "_")):
                    continue
                found.append(classify(name, os.path.join(path, part), name + "/" + part))
        else:
            stem, ext = split_ext(name)
            if stem in ENTITIES and ext:
                found.append(classify(stem, path, name))
            elif ext:
                raise StopRun("%s: unknown entity" % name)
            elif name.split(".")[0] in ENTITIES:
                raise StopRun("%s: unknown format (expected .csv, .jsonl or .parquet)" % name)
            else:
                print("note: ignoring %s (not a data file)" % name, file=sys.stderr)
    return [f for f in found if f is not None]


def split_ext(name):
    for ext in (".csv", ".jsonl", ".parquet"):
        if name.lower().endswith(ext):
            return name[:-len(ext)], ext
    return name, ""


def classify(entity, path, display):
    _, ext = split_ext(os.path.basename(path))
    if ext == ".parquet":
        print("note: skipping Parquet file %s" % display, file=sys.stderr)
        return None
    if ext not in (".csv", ".jsonl"):
        raise StopRun("%s: unknown format (expected .csv, .jsonl or .parquet)" % display)
    return entity, path, display


class Row:
    """One input record: where it came from, its parsed values and the rules it broke."""

    def __init__(self, entity, display, line, raw, values, rules):
        self.entity, self.display, self.line = entity, display, line
        self.raw, self.values, self.rules = raw, values, rules

    def key(self):
        return tuple(self.values[c] for c in KEYS[self.entity])


def load_batch(batch_dir):
    """Read and validate a batch. Return (rows by entity, files in read order)."""
    rows = {e: [] for e in ENTITIES}
    files = []
    for entity, path, display in list_batch_files(batch_dir):
        files.append((entity, display))
        if path.lower().endswith(".csv"):
            _, records = read_csv_records(path, entity, display)
        else:
            records = read_jsonl_records(path, entity, display)
        for line, raw, malformed in records:
            if malformed:
                rows[entity].append(Row(entity, display, line, None, None, [malformed]))
                continue
            check_identifier_values(raw, display, line)
            values, rules = parse_row(entity, raw)
            rules += ROW_RULES[entity](values, raw)
            rows[entity].append(Row(entity, display, line, raw, values, rules))
    validate_batch(rows)
    return rows, files


def accepted(rows):
    return [r for r in rows if not r.rules]


def mark_duplicates(rows):
    """A key that appears twice among the accepted-so-far rows sends every such row to quarantine."""
    counts = {}
    for r in accepted(rows):
        counts[r.key()] = counts.get(r.key(), 0) + 1
    for r in accepted(rows):
        if counts[r.key()] > 1:
            r.rules.append("duplicate_key")


def validate_batch(rows):
    """Batch-level rules, in dependency order: duplicates of episodes and sessions first, then
    references (to accepted rows only) and duplicates of attendance and costs."""
    mark_duplicates(rows["episodes"])
    mark_duplicates(rows["sessions"])
    episodes = {r.values["episode_id"]: r.values for r in accepted(rows["episodes"])}
    sessions = {r.values["session_id"]: r.values for r in accepted(rows["sessions"])}
    for r in accepted(rows["attendance"]):
        r.rules += reference_rules_attendance(r.values, episodes, sessions)
    for r in accepted(rows["costs"]):
        r.rules += reference_rules_costs(r.values, episodes, sessions)
    mark_duplicates(rows["attendance"])
    mark_duplicates(rows["costs"])


# ---------------------------------------------------------------------------------------------
# The world as known on as_of
# ---------------------------------------------------------------------------------------------

def default_as_of(rows):
    """The latest date (admission, discharge, session, service) among the accepted rows."""
    dates = []
    for r in accepted(rows["episodes"]):
        dates.append(r.values["admission_date"])
        if r.values["discharge_date"]:
            dates.append(r.values["discharge_date"])
    dates += [r.values["session_date"] for r in accepted(rows["sessions"])]
    dates += [r.values["service_date"] for r in accepted(rows["costs"])]
    if not dates:
        raise StopRun("no accepted dated row in the batch: cannot choose a default as_of")
    return max(dates)


class World:
    """Accepted rows cut at as_of: episodes admitted by as_of; sessions up to as_of and their
    attendance; charges up to as_of of episodes admitted by as_of."""

    def __init__(self, rows, as_of):
        self.as_of = as_of
        self.episodes = {r.values["episode_id"]: r.values for r in accepted(rows["episodes"])
                         if r.values["admission_date"] <= as_of}
        self.sessions = {r.values["session_id"]: r.values for r in accepted(rows["sessions"])
                         if r.values["session_date"] <= as_of}
        self.attendance = [r.values for r in accepted(rows["attendance"])
                           if r.values["session_id"] in self.sessions
                           and r.values["episode_id"] in self.episodes]
        self.costs = [r.values for r in accepted(rows["costs"])
                      if r.values["service_date"] <= as_of and r.values["episode_id"] in self.episodes]

    def cost_component(self, cost):
        """The component a charge is attributed to: its session's, if that session is in the world."""
        session = self.sessions.get(cost["session_id"]) if cost["session_id"] else None
        return session["program_component"] if session else None


class Facts:
    """Episode facts (metrics.md, "Episode facts")."""

    def __init__(self, episode, as_of):
        self.episode_id = episode["episode_id"]
        self.level_of_care = episode["level_of_care"]
        self.payment_source = episode["payment_source"]
        self.age_group = episode["age_group"]
        self.co_occurring_mental_health = episode["co_occurring_mental_health"]
        self.prior_treatment_episodes = episode["prior_treatment_episodes"]
        admitted = episode["admission_date"]
        self.admission_date = admitted
        # days observed: as_of - admission_date (whatever happened to the episode since).
        self.days_observed = (as_of - admitted).days
        self.admission_month = admitted.strftime("%Y-%m")
        discharge = episode["discharge_date"]
        reason = episode["discharge_reason"]
        # discharged = discharge_date is set and not after as_of.
        self.discharged = discharge is not None and discharge <= as_of
        # los_days = datediff(discharge or as_of, admission_date); a same-day discharge is 0.
        self.los_days = ((discharge if self.discharged else as_of) - admitted).days
        self.completed = self.discharged and reason == "completed"
        self.dropped_out = self.discharged and reason in ("dropped_out", "terminated_by_facility")
        self.transferred = self.discharged and reason == "transferred"
        # eligible at D: discharged or as_of - admission_date >= D;
        # retained at D: eligible and (completed or los_days >= D).
        self.eligible = {d: self.discharged or (as_of - admitted).days >= d for d in WINDOWS}
        self.retained = {d: self.eligible[d] and (self.completed or self.los_days >= d)
                         for d in WINDOWS}
        self.exposed = set()          # components with at least one attended session
        self.minutes = {}             # attended minutes by component
        self.cost = {}                # cost by component (None = episode-level / unattributed)
        self.attended_days = []       # day (session_date - admission_date) of each attended session

    def total_minutes(self):
        return sum(self.minutes.values())

    def total_cost(self):
        return sum(self.cost.values(), Decimal("0.00"))


def episode_facts(world):
    """One Facts per episode in the world, with exposure, attended minutes and cost."""
    facts = {eid: Facts(ep, world.as_of) for eid, ep in world.episodes.items()}
    for a in world.attendance:
        f = facts[a["episode_id"]]
        component = world.sessions[a["session_id"]]["program_component"]
        if a["status"] == "attended":
            f.exposed.add(component)
            f.attended_days.append((world.sessions[a["session_id"]]["session_date"]
                                    - f.admission_date).days)
        f.minutes[component] = f.minutes.get(component, 0) + (a["minutes_attended"] or 0)
    for c in world.costs:
        f = facts[c["episode_id"]]
        component = world.cost_component(c)
        f.cost[component] = f.cost.get(component, Decimal("0.00")) + c["amount"]
    return facts


def cube_cells(f):
    """The (level_of_care, program_component, payment_source) cells an episode belongs to:
    `all` always, a component c only when the episode is exposed to c."""
    for level in (f.level_of_care, ALL):
        for component in [ALL] + sorted(f.exposed):
            for payer in (f.payment_source, ALL):
                yield level, component, payer


# ---------------------------------------------------------------------------------------------
# Arithmetic helpers
# ---------------------------------------------------------------------------------------------

def rate(x, n):
    """x / n as a double; null when n is 0."""
    return None if n == 0 else x / n


def wilson(x, n):
    """95% Wilson score interval for x successes out of n; (None, None) when n is 0."""
    if n == 0:
        return None, None
    p = x / n
    z2 = Z * Z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def rate_with_interval(name, x, n):
    """The columns of a rate x / n named `name`, with its Wilson interval (`name`_ci_low/_high)."""
    low, high = wilson(x, n)
    return {name: rate(x, n), name + "_ci_low": low, name + "_ci_high": high}


def cents(amount):
    """A Decimal amount with two places as an integer number of cents."""
    return int(amount.scaleb(2).to_integral_value())


def divide_half_up(numerator, denominator):
    """Integer numerator / denominator rounded half-up (away from zero on a tie), exactly."""
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return -q if numerator < 0 else q


def money_per(total, count, scale=1):
    """total * scale / count rounded half-up to cents; null when count is 0."""
    if not count:
        return None
    return Decimal(divide_half_up(cents(total) * scale, count)).scaleb(-2)


def ratio_interval(n, sum_y, sum_yy, sum_x, sum_xy):
    """95% interval of the ratio sum(y) / sum(x) over n episodes, y a cost in cents and x 0 or 1:
    R +- z sqrt(n / (n - 1) * sum((y - R x)^2) / sum(x)^2) (delta method for a ratio estimator),
    each bound half-up to cents; (None, None) when sum(x) is 0 or n < 2."""
    if sum_x == 0 or n < 2:
        return None, None
    scaled_residuals = max(0, sum_x * sum_yy - 2 * sum_y * sum_xy + sum_y * sum_y)  # exact integers
    variance = n * scaled_residuals / ((n - 1) * sum_x ** 3)
    ratio = sum_y / sum_x
    half = Z * math.sqrt(variance)
    return tuple(Decimal(repr((ratio + sign * half) / 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                 for sign in (-1, 1))


# ---------------------------------------------------------------------------------------------
# Gold tables
# ---------------------------------------------------------------------------------------------

def completion_table(facts):
    """`completion` — over discharged episodes: episodes_discharged, episodes_completed,
    completion_rate (+ Wilson), episodes_dropped_out, dropout_rate (+ Wilson, decisions.md),
    episodes_transferred. completed = discharged and reason `completed`; dropped_out =
    discharged and reason in (`dropped_out`, `terminated_by_facility`)."""
    cells = {}
    for f in facts.values():
        if not f.discharged:
            continue
        for cell in cube_cells(f):
            c = cells.setdefault(cell, [0, 0, 0, 0])
            c[0] += 1
            c[1] += f.completed
            c[2] += f.dropped_out
            c[3] += f.transferred
    rows = []
    for (level, component, payer), (n, completed, dropped, transferred) in cells.items():
        rows.append({
            "level_of_care": level, "program_component": component, "payment_source": payer,
            "episodes_discharged": n, "episodes_completed": completed,
            **rate_with_interval("completion_rate", completed, n),
            "episodes_dropped_out": dropped, "episodes_transferred": transferred,
            **rate_with_interval("dropout_rate", dropped, n),
        })
    return rows


def retention_table(facts):
    """`retention` — one row per group and window D in (30, 60, 90, 180), over every episode
    admitted by as_of: eligible when discharged or as_of - admission_date >= D; retained when
    eligible and (completed or los_days >= D)."""
    cells = {}
    for f in facts.values():
        for cell in cube_cells(f):
            for d in WINDOWS:
                c = cells.setdefault(cell + (d,), [0, 0])
                c[0] += f.eligible[d]
                c[1] += f.retained[d]
    rows = []
    for (level, component, payer, d), (eligible, retained) in cells.items():
        low, high = wilson(retained, eligible)
        rows.append({
            "level_of_care": level, "program_component": component, "payment_source": payer,
            "window_days": d, "episodes_eligible": eligible, "episodes_retained": retained,
            "retention_rate": rate(retained, eligible), "retention_rate_ci_low": low,
            "retention_rate_ci_high": high,
        })
    return rows


def attendance_table(world, facts):
    """`attendance` — counts invitations, not episodes: for a component c the invitations to
    c's sessions of the episodes in the level_of_care/payment_source group (whether or not the
    episode ever attended one), for `all` every invitation. scheduled = status not `cancelled`;
    attended = `attended`; missed = `no_show` + `late_cancel`; attended_hours = minutes / 60.
    v2: every group of episodes (level_of_care or `all`) x `all` x (payment_source or `all`) has
    its row even without an invitation (counts 0, rates null); a component's row exists where
    there are invitations to that component's sessions."""
    cells = {}
    for f in facts.values():
        for level in (f.level_of_care, ALL):
            for payer in (f.payment_source, ALL):
                cells.setdefault((level, ALL, payer), [0, 0, 0, 0])
    for a in world.attendance:
        f = facts[a["episode_id"]]
        component = world.sessions[a["session_id"]]["program_component"]
        status = a["status"]
        for level in (f.level_of_care, ALL):
            for comp in (component, ALL):
                for payer in (f.payment_source, ALL):
                    c = cells.setdefault((level, comp, payer), [0, 0, 0, 0])
                    c[0] += status != "cancelled"
                    c[1] += status == "attended"
                    c[2] += status in ("no_show", "late_cancel")
                    c[3] += a["minutes_attended"] or 0
    rows = []
    for (level, component, payer), (scheduled, attended, missed, minutes) in cells.items():
        rows.append({
            "level_of_care": level, "program_component": component, "payment_source": payer,
            "sessions_scheduled": scheduled, "sessions_attended": attended,
            "attendance_rate": rate(attended, scheduled), "missed_rate": rate(missed, scheduled),
            "attended_hours": minutes / 60,
        })
    return rows


INITIATION_DAYS = 14        # initiation window: days 0 to 14 after admission
ENGAGEMENT_DAYS = 34        # engagement window: up to 34 days after the initiation day


def engagement_status(f):
    """(initiated, engaged) of one episode, from its attended sessions dated by as_of.

    initiated = an attended session on day 0..14 (day = session_date - admission_date); the
    earliest such day is the initiation day. engaged = initiated and at least two more attended
    sessions on days strictly after the initiation day and at most 34 days after it (two sessions
    on one later day count as two)."""
    days = sorted(f.attended_days)
    start = next((d for d in days if 0 <= d <= INITIATION_DAYS), None)
    if start is None:
        return False, False
    later = sum(1 for d in days if start < d <= start + ENGAGEMENT_DAYS)
    return True, later >= 2


def engagement_table(facts):
    """`engagement` (research measure, v2 rule) — over every episode admitted by as_of, in the
    usual cube. An episode is judged for initiation when as_of - admission_date >= 14 and for
    engagement when as_of - admission_date >= 48 (14 + 34), whatever happened to it (a discharge,
    an early initiation or engagement does not change who is judged): a fixed follow-up. The
    numerators count the judged episodes that initiated / engaged. Rates with Wilson intervals;
    a cell with episodes but no judged one has its row with null rates."""
    cells = {}
    for f in facts.values():
        initiated, engaged = engagement_status(f)
        judged_initiation = f.days_observed >= INITIATION_DAYS
        judged_engagement = f.days_observed >= INITIATION_DAYS + ENGAGEMENT_DAYS
        for cell in cube_cells(f):
            c = cells.setdefault(cell, [0, 0, 0, 0])
            c[0] += judged_initiation
            c[1] += judged_initiation and initiated
            c[2] += judged_engagement
            c[3] += judged_engagement and engaged
    rows = []
    for (level, component, payer), (n_init, initiated, n_eng, engaged) in cells.items():
        rows.append({
            "level_of_care": level, "program_component": component, "payment_source": payer,
            "episodes_eligible_initiation": n_init, "episodes_initiated": initiated,
            **rate_with_interval("initiation_rate", initiated, n_init),
            "episodes_eligible_engagement": n_eng, "episodes_engaged": engaged,
            **rate_with_interval("engagement_rate", engaged, n_eng),
        })
    return rows


REFERENCE_LEVEL = "intensive_outpatient"
COMPARISON_MEASURES = ("completion_rate", "retention_rate_90", "cost_per_episode", "cost_per_completion")


def stratum(f):
    """The case-mix stratum of an episode: age_group x co_occurring_mental_health (true, false,
    unknown) x prior_treatment_episodes (0, 1, 2+, unknown)."""
    cmh = f.co_occurring_mental_health
    cmh = "unknown" if cmh is None else ("true" if cmh else "false")
    prior = f.prior_treatment_episodes
    prior = "unknown" if prior is None else ("2+" if prior >= 2 else str(prior))
    return f.age_group, cmh, prior


def standardise(iop, other):
    """Direct standardisation of a rate to the pair's own standard population (v2).

    iop, other: lists of (stratum, success) over the measure's population of each level. Only the
    strata that both levels populate are kept; the standard population is the pooled count of
    those strata, and both levels' stratum rates are weighted by it (the same weights for both).
    Returns (iop_standardised, other_standardised, standard_population_share): the share is the
    pooled count of the kept strata over the pooled count of the whole population (null when it
    is empty, 0.0 when no stratum is shared; the two rates are then null). Computed exactly with
    fractions, then turned into doubles."""
    counts = {}
    for side, members in ((0, iop), (1, other)):
        for key, success in members:
            c = counts.setdefault(key, [0, 0, 0, 0])   # n_iop, x_iop, n_other, x_other
            c[2 * side] += 1
            c[2 * side + 1] += success
    pooled_all = len(iop) + len(other)
    if pooled_all == 0:
        return None, None, None
    kept = {k: c for k, c in counts.items() if c[0] > 0 and c[2] > 0}
    pooled_kept = sum(c[0] + c[2] for c in kept.values())
    share = pooled_kept / pooled_all
    if pooled_kept == 0:
        return None, None, share
    iop_rate = sum(Fraction(c[0] + c[2], pooled_kept) * Fraction(c[1], c[0]) for c in kept.values())
    other_rate = sum(Fraction(c[0] + c[2], pooled_kept) * Fraction(c[3], c[2]) for c in kept.values())
    return float(iop_rate), float(other_rate), share


def level_of_care_comparison_table(facts):
    """`level_of_care_comparison`, deterministic columns only (the bootstrap intervals are not
    reproduced; `interval_method` names the method). Over episodes admitted by as_of: one pair
    (`intensive_outpatient` vs each other level with at least one episode; none when IOP has no
    episode) and four measures per pair:
    - completion_rate over discharged episodes (n = discharged);
    - retention_rate_90 over the episodes eligible at 90 days (n = eligible), retained at 90;
    - cost_per_episode = every charge by as_of of the discharged episodes / discharged, and
      cost_per_completion = the same sum / completed, half-up to cents (n = discharged).
    difference = IOP - other (cost: of the two rounded values, exact). The rates are directly
    standardised to the pair's pooled case mix over the strata both levels populate (see
    `standardise`). icer = (IOP - other unrounded cost per episode) / (IOP - other completion
    rate), half-up to cents; null when a level has no discharged episode or the completion rates
    are equal. It is the same on the pair's four rows."""
    levels = {}
    for f in facts.values():
        levels.setdefault(f.level_of_care, []).append(f)
    if REFERENCE_LEVEL not in levels:
        return []

    def summary(members):
        discharged = [f for f in members if f.discharged]
        eligible = [f for f in members if f.eligible[90]]
        total = sum((f.total_cost() for f in discharged), Decimal("0.00"))
        completed = sum(f.completed for f in discharged)
        return {
            "completion_rate": (len(discharged), rate(completed, len(discharged)),
                                [(stratum(f), f.completed) for f in discharged]),
            "retention_rate_90": (len(eligible), rate(sum(f.retained[90] for f in eligible), len(eligible)),
                                  [(stratum(f), f.retained[90]) for f in eligible]),
            "cost_per_episode": (len(discharged), money_per(total, len(discharged)), None),
            "cost_per_completion": (len(discharged), money_per(total, completed), None),
            "exact_cost_per_episode": (Fraction(cents(total), 100 * len(discharged))
                                       if discharged else None),
        }

    iop = summary(levels[REFERENCE_LEVEL])
    rows = []
    for level in sorted(levels):
        if level == REFERENCE_LEVEL:
            continue
        other = summary(levels[level])
        icer = None
        iop_rate, other_rate = iop["completion_rate"][1], other["completion_rate"][1]
        if iop_rate is not None and other_rate is not None and iop_rate != other_rate:
            delta_cost = float(iop["exact_cost_per_episode"] - other["exact_cost_per_episode"])
            icer = Decimal(repr(delta_cost / (iop_rate - other_rate))).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP)
        for measure in COMPARISON_MEASURES:
            iop_n, iop_value, iop_strata = iop[measure]
            other_n, other_value, other_strata = other[measure]
            is_rate = measure in ("completion_rate", "retention_rate_90")
            difference = None if iop_value is None or other_value is None else iop_value - other_value
            row = {
                "reference_level": REFERENCE_LEVEL, "comparison_level": level, "measure": measure,
                "iop_n": iop_n, "other_n": other_n, "iop_value": iop_value,
                "other_value": other_value, "difference": difference,
                "interval_method": "newcombe_hybrid_score" if is_rate else "percentile_bootstrap",
                "iop_standardised": None, "other_standardised": None,
                "standardised_difference": None, "standard_population_share": None, "icer": icer,
            }
            if is_rate:
                iop_std, other_std, share = standardise(iop_strata, other_strata)
                row["iop_standardised"], row["other_standardised"] = iop_std, other_std
                row["standard_population_share"] = share
                if iop_std is not None and other_std is not None:
                    row["standardised_difference"] = iop_std - other_std
            rows.append(row)
    return rows


def cost_per_outcome_table(facts):
    """`cost_per_outcome` — over discharged episodes; for a component c the cost attributed to
    c and the attended hours of c's sessions, for `all` every cost and attended hour of the
    episodes. cost per X = total_cost / X (null when X is 0), half-up to cents;
    cost_per_attended_hour = total_cost * 60 / attended minutes. Each cost per episode, completion
    and 90-day retention has its 95% delta-method interval (docs/decisions.md)."""
    cells = {}
    for f in facts.values():
        if not f.discharged:
            continue
        for cell in cube_cells(f):
            component = cell[1]
            if component == ALL:
                cost, minutes = f.total_cost(), f.total_minutes()
            else:
                cost, minutes = f.cost.get(component, Decimal("0.00")), f.minutes.get(component, 0)
            c = cells.setdefault(cell, [0, Decimal("0.00"), 0, 0, 0, 0, 0, 0])
            c[0] += 1
            c[1] += cost
            c[2] += f.completed
            c[3] += f.retained[90]
            c[4] += minutes
            c[5] += cents(cost) ** 2
            c[6] += cents(cost) if f.completed else 0
            c[7] += cents(cost) if f.retained[90] else 0
    rows = []
    for (level, component, payer), (n, total, completed, retained, minutes,
                                     squares, cost_completed, cost_retained) in cells.items():
        y = cents(total)
        intervals = {}
        for name, x, xy in (("cost_per_episode", n, y), ("cost_per_completion", completed, cost_completed),
                            ("cost_per_retained_90", retained, cost_retained)):
            low, high = ratio_interval(n, y, squares, x, xy)
            intervals[name + "_ci_low"], intervals[name + "_ci_high"] = low, high
        rows.append({
            "level_of_care": level, "program_component": component, "payment_source": payer,
            "episodes_discharged": n, "total_cost": total,
            "cost_per_episode": money_per(total, n),
            "episodes_completed": completed, "cost_per_completion": money_per(total, completed),
            "episodes_retained_90": retained, "cost_per_retained_90": money_per(total, retained),
            "attended_hours": minutes / 60,
            "cost_per_attended_hour": money_per(total, minutes, scale=60),
            **intervals,
        })
    return rows


def cost_by_payer_table(world, facts):
    """`cost_by_payer` — every charge up to as_of, a cube over the charge's payer, the
    episode's level_of_care and cost_category: amount, charges, distinct episodes, and
    share_of_total = amount / amount of the matching (`all`, level_of_care, cost_category) row."""
    cells = {}
    for cost in world.costs:
        level = facts[cost["episode_id"]].level_of_care
        for payer in (cost["payer"], ALL):
            for lvl in (level, ALL):
                for category in (cost["cost_category"], ALL):
                    c = cells.setdefault((payer, lvl, category), [Decimal("0.00"), 0, set()])
                    c[0] += cost["amount"]
                    c[1] += 1
                    c[2].add(cost["episode_id"])
    rows = []
    for (payer, level, category), (amount, charges, episodes) in cells.items():
        whole = cells[(ALL, level, category)][0]
        share = None if whole == 0 else cents(amount) / cents(whole)
        rows.append({
            "payer": payer, "level_of_care": level, "cost_category": category,
            "amount": amount, "charges": charges, "episodes": len(episodes),
            "share_of_total": share,
        })
    return rows


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def trends_table(facts):
    """`trends` — one row per admission month (yyyy-MM) and level_of_care (with `all`), over
    the episodes admitted in that month by as_of: admissions, discharged, completed,
    completion_rate (+ Wilson), eligible and retained at 90 days, retention_rate_90 (+ Wilson),
    total_cost of the month's discharged episodes and cost_per_episode (per discharged)."""
    cells = {}
    for f in facts.values():
        for level in (f.level_of_care, ALL):
            c = cells.setdefault((f.admission_month, level), [0, 0, 0, 0, 0, Decimal("0.00")])
            c[0] += 1
            c[1] += f.discharged
            c[2] += f.completed
            c[3] += f.eligible[90]
            c[4] += f.retained[90]
            if f.discharged:
                c[5] += f.total_cost()
    rows = []
    for (month, level), (admitted, discharged, completed, eligible, retained, total) in cells.items():
        rows.append({
            "admission_month": month, "level_of_care": level, "admissions": admitted,
            "episodes_discharged": discharged, "episodes_completed": completed,
            **rate_with_interval("completion_rate", completed, discharged),
            "episodes_eligible_90": eligible, "episodes_retained_90": retained,
            **rate_with_interval("retention_rate_90", retained, eligible),
            "total_cost": total, "cost_per_episode": money_per(total, discharged),
        })
    return rows


def format_value(value):
    """Nulls empty, doubles as repr(float), money with two places, counts as integers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.01"))
        return "0.00" if value == 0 else format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_csv(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([format_value(row.get(c)) for c in columns])


def write_table(out_dir, name, rows, as_of):
    for row in rows:
        row["as_of"] = as_of
    rows.sort(key=lambda r: tuple(str(r[c]) for c in SORT_COLUMNS[name]))
    write_csv(os.path.join(out_dir, name + ".csv"), OUTPUT_COLUMNS[name], rows)


def write_rejections(out_dir, rows, files):
    """rejections.csv (counts per file) and rejections_by_rule.csv (one line per broken rule)."""
    summary, detail = [], []
    for entity, display in files:
        file_rows = [r for r in rows[entity] if r.display == display]
        rejected = [r for r in file_rows if r.rules]
        summary.append({"file": display, "rows_read": len(file_rows),
                        "rows_accepted": len(file_rows) - len(rejected),
                        "rows_rejected": len(rejected)})
        for r in rejected:
            for rule in r.rules:
                detail.append({"file": display, "line": r.line, "rule": rule})
    write_csv(os.path.join(out_dir, "rejections.csv"),
              ["file", "rows_read", "rows_accepted", "rows_rejected"], summary)
    write_csv(os.path.join(out_dir, "rejections_by_rule.csv"), ["file", "line", "rule"], detail)


def compute_tables(rows, as_of):
    """The six gold tables and the two research tables reproduced here, as {name: rows}."""
    world = World(rows, as_of)
    facts = episode_facts(world)
    return {
        "completion": completion_table(facts),
        "retention": retention_table(facts),
        "attendance": attendance_table(world, facts),
        "cost_per_outcome": cost_per_outcome_table(facts),
        "cost_by_payer": cost_by_payer_table(world, facts),
        "trends": trends_table(facts),
        "engagement": engagement_table(facts),
        "level_of_care_comparison": level_of_care_comparison_table(facts),
    }


def run(batch_dir, out_dir, as_of=None):
    """Validate the batch, compute the tables and write everything; return the as_of used."""
    rows, files = load_batch(batch_dir)
    if as_of is None:
        as_of = default_as_of(rows)
    tables = compute_tables(rows, as_of)
    os.makedirs(out_dir, exist_ok=True)
    for name, table_rows in tables.items():
        write_table(out_dir, name, table_rows, as_of)
    write_rejections(out_dir, rows, files)
    return as_of


def parse_as_of(text):
    if not DATE_RE.match(text):
        raise argparse.ArgumentTypeError("as_of must be yyyy-MM-dd")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("as_of must be a valid date yyyy-MM-dd")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="batch folder")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--as-of", type=parse_as_of, default=None,
                        help="cut-off date yyyy-MM-dd (default: latest date in the batch)")
    args = parser.parse_args(argv)
    try:
        as_of = run(args.input, args.out, args.as_of)
    except StopRun as err:
        print("error: %s" % err, file=sys.stderr)
        return 2
    print("as_of=%s" % as_of.isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
