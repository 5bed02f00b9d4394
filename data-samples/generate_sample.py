#!/usr/bin/env python3
"""Generate the project's sample input batch (standard library only, deterministic).

Writes, next to this script:
  sample/episodes.csv, sample/sessions.csv, sample/attendance.csv, sample/costs.csv
      one batch in the input data contract's CSV form: 320 episodes of care in three programs and all
      five levels of care, admitted 2025-01-06..2026-05-31, with the sessions the programs scheduled,
      one attendance row per invitation and one cost row per charge, nothing dated after 2026-06-30;
      plus a few deliberately bad rows, each breaking exactly one contract rule (see README.md);
  formats/sessions.jsonl
      the same rows as sample/sessions.csv, as JSON Lines.

The random generator has a fixed seed, so every run writes byte-identical files.
Run from the repository root:  python3 data-samples/generate_sample.py
"""

import csv
import json
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Optional

SEED = 20260630
HERE = Path(__file__).resolve().parent
FIRST_ADMISSION = date(2025, 1, 6)
LAST_ADMISSION = date(2026, 5, 31)
AS_OF = date(2026, 6, 30)  # the latest date in the batch, so the default cut-off
MIN_GROUP_SIZE, MAX_GROUP_SIZE = 2, 10  # a group does not run for one client

# ---------------------------------------------------------------------------------------------------
# Contract code lists
# ---------------------------------------------------------------------------------------------------
LEVELS = ["inpatient", "residential", "partial_hospitalization", "intensive_outpatient", "outpatient"]
REASONS = ["completed", "dropped_out", "terminated_by_facility", "transferred", "incarcerated", "death", "other"]
PAYMENT_SOURCES = ["private_insurance", "medicaid", "medicare", "other_government", "self_pay", "sliding_scale",
                   "financing", "employee_assistance", "grant_scholarship", "no_charge", "other"]
AGE_GROUPS = ["12-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
SEXES = ["female", "male", "other", "unknown", ""]
SUBSTANCES = ["alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other", "unknown", ""]
CO_OCCURRING = ["true", "false", ""]
PRIOR_EPISODES = [0, 1, 2, 3, 4, 5, None]
EARLY_EXITS = ("dropped_out", "terminated_by_facility")

EPISODE_COLUMNS = ["episode_id", "person_id", "program_id", "level_of_care", "admission_date", "discharge_date",
                   "discharge_reason", "payment_source", "age_group", "sex", "primary_substance",
                   "co_occurring_mental_health", "prior_treatment_episodes"]
SESSION_COLUMNS = ["session_id", "program_id", "program_component", "activity", "session_date",
                   "scheduled_minutes", "delivery_mode"]
ATTENDANCE_COLUMNS = ["session_id", "episode_id", "status", "minutes_attended"]
COST_COLUMNS = ["cost_id", "episode_id", "session_id", "service_date", "cost_category", "amount", "payer"]

# ---------------------------------------------------------------------------------------------------
# The programs and their clients
# ---------------------------------------------------------------------------------------------------
LEVEL_COUNTS = {"intensive_outpatient": 128, "outpatient": 80, "residential": 48,
                "partial_hospitalization": 32, "inpatient": 32}
PROGRAM_OF_LEVEL = {"intensive_outpatient": "prg-north-iop", "partial_hospitalization": "prg-north-iop",
                    "outpatient": "prg-east-outpatient",
                    "residential": "prg-harbor-recovery", "inpatient": "prg-harbor-recovery"}
OUTPATIENT_LEVELS = ("partial_hospitalization", "intensive_outpatient", "outpatient")  # weekdays only

REASON_WEIGHTS = {
    "inpatient": {"completed": 70, "dropped_out": 10, "terminated_by_facility": 3, "transferred": 11,
                  "incarcerated": 1, "death": 1, "other": 4},
    "residential": {"completed": 67, "dropped_out": 15, "terminated_by_facility": 6, "transferred": 6,
                    "incarcerated": 2, "death": 1, "other": 3},
    "partial_hospitalization": {"completed": 50, "dropped_out": 24, "terminated_by_facility": 4,
                                "transferred": 15, "incarcerated": 1, "death": 1, "other": 5},
    "intensive_outpatient": {"completed": 40, "dropped_out": 34, "terminated_by_facility": 7,
                             "transferred": 9, "incarcerated": 3, "death": 1, "other": 6},
    "outpatient": {"completed": 47, "dropped_out": 30, "terminated_by_facility": 4, "transferred": 7,
                   "incarcerated": 4, "death": 2, "other": 6},
}
# Length of stay in days as (low, mode, high): completers, early exits (dropped out, terminated), the rest.
LOS_DAYS = {
    "inpatient": {"completed": (3, 5, 10), "early": (0, 2, 5), "other": (0, 3, 8)},
    "residential": {"completed": (28, 30, 75), "early": (0, 9, 27), "other": (3, 16, 45)},
    "partial_hospitalization": {"completed": (14, 21, 35), "early": (3, 8, 20), "other": (3, 12, 28)},
    "intensive_outpatient": {"completed": (42, 56, 84), "early": (7, 24, 55), "other": (7, 30, 70)},
    "outpatient": {"completed": (60, 120, 240), "early": (14, 50, 130), "other": (14, 60, 180)},
}
BASE_ENGAGEMENT = {"inpatient": 0.96, "residential": 0.93, "partial_hospitalization": 0.88,
                   "intensive_outpatient": 0.85, "outpatient": 0.81}

AGE_WEIGHTS = {"12-17": 5, "18-24": 15, "25-34": 30, "35-44": 23, "45-54": 15, "55-64": 8, "65+": 4}
SEX_WEIGHTS = {"female": 40, "male": 54, "other": 2, "unknown": 2, "": 2}
SUBSTANCE_WEIGHTS = {"alcohol": 34, "opioids": 26, "stimulants": 15, "cannabis": 11, "sedatives": 4,
                     "other": 3, "unknown": 3, "": 4}
CO_OCCURRING_WEIGHTS = {"true": 46, "false": 44, "": 10}
PRIOR_WEIGHTS = {0: 34, 1: 24, 2: 15, 3: 9, 4: 5, 5: 4, None: 9}
PAYMENT_WEIGHTS = {"private_insurance": 30, "medicaid": 32, "medicare": 2, "other_government": 5, "self_pay": 7,
                   "sliding_scale": 6, "financing": 3, "employee_assistance": 4, "grant_scholarship": 4,
                   "no_charge": 3, "other": 3}
MAT_PROBABILITY = {"opioids": 0.75, "sedatives": 0.6, "alcohol": 0.3}  # on medication-assisted treatment

# ---------------------------------------------------------------------------------------------------
# Prices (USD list prices; the payer's rate scales every charge except room and board)
# ---------------------------------------------------------------------------------------------------
PRICES = {
    "intensive_outpatient": {"group_therapy": 145, "psychoeducation": 100, "holistic": 65,
                             "individual_counseling": 150, "family_therapy": 150, "medication_management": 110,
                             "assessment": 180, "intake": 250, "drug_screen": 38},
    "partial_hospitalization": {"group_therapy": 190, "psychoeducation": 110, "holistic": 70,
                                "individual_counseling": 150, "family_therapy": 150, "medication_management": 120,
                                "assessment": 300, "drug_screen": 38},
    "outpatient": {"group_therapy": 75, "individual_counseling": 135, "family_therapy": 130,
                   "medication_management": 95, "assessment": 180, "intake": 220, "drug_screen": 38},
    "residential": {"group_therapy": 45, "psychoeducation": 35, "holistic": 40, "individual_counseling": 110,
                    "family_therapy": 130, "medication_management": 95, "assessment": 350, "drug_screen": 38,
                    "room_and_board": 300},
    "inpatient": {"group_therapy": 45, "psychoeducation": 35, "holistic": 40, "individual_counseling": 120,
                  "medication_management": 150, "assessment": 400, "lab_panel": 185, "room_and_board": 950},
}
PAYER_RATE = {"private_insurance": "1.00", "medicaid": "0.80", "medicare": "0.85", "other_government": "0.85",
              "self_pay": "1.00", "sliding_scale": "0.60", "financing": "1.00", "employee_assistance": "0.90",
              "grant_scholarship": "0.90", "no_charge": "1.00", "other": "1.00"}
CATEGORY_OF_COMPONENT = {"individual_counseling": "therapy", "group_therapy": "therapy", "family_therapy": "therapy",
                         "holistic": "therapy", "psychoeducation": "therapy",
                         "medication_management": "medication", "assessment": "assessment"}
HOLISTIC_ACTIVITIES = ["yoga", "mindfulness", "art", "music"]
PSYCHOEDUCATION_TOPICS = ["relapse prevention", "coping skills", "", "family education", "sleep, food and recovery",
                          "\"HALT\" check-ins"]


# ---------------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------------
@dataclass
class Episode:
    level: str
    program: str
    admission: date
    discharge: Optional[date] = None
    reason: str = ""
    payment: str = ""
    age_group: str = ""
    sex: str = ""
    substance: str = ""
    co_occurring: str = ""
    prior: Optional[int] = None
    episode_id: str = ""
    person_id: str = ""
    pattern: str = "regular"  # regular | same_day | no_contact (no attendance rows) | never_attends | bad
    engagement: float = 0.85
    on_mat: bool = False
    family: bool = False
    weekday: int = 0  # the weekday of this client's individual sessions
    holistic_grant: bool = False  # a grant pays this client's holistic sessions
    written: dict = field(default_factory=dict)  # column -> value written instead of the canonical one

    @property
    def end(self) -> date:
        return self.discharge or AS_OF

    @property
    def los(self) -> int:
        return (self.end - self.admission).days

    def in_care(self, day: date) -> bool:
        return self.admission <= day <= self.end


@dataclass
class Session:
    program: str
    component: str
    activity: str
    day: date
    minutes: int
    mode: str
    cancelled: bool = False
    session_id: str = ""
    written: dict = field(default_factory=dict)


@dataclass
class Invitation:
    session: Session
    episode: Episode
    status: str = ""
    minutes: str = ""
    written: dict = field(default_factory=dict)


@dataclass
class Charge:
    episode: Episode
    session: Optional[Session]
    day: date
    category: str
    amount: Decimal
    payer: str
    cost_id: str = ""
    written: dict = field(default_factory=dict)


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def days_between(first, last):
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def on_or_after(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------------
# Episodes
# ---------------------------------------------------------------------------------------------------
def draw_admission(rng, level):
    """Admissions grow over the period (density rising linearly from 0.6 to 1.4); weekdays for day programs."""
    span = (LAST_ADMISSION - FIRST_ADMISSION).days
    while True:
        share = (-0.6 + math.sqrt(0.36 + 1.6 * rng.random())) / 0.8  # inverse CDF of 0.6 + 0.8x on [0, 1]
        day = FIRST_ADMISSION + timedelta(days=round(share * span))
        if level not in OUTPATIENT_LEVELS or day.weekday() < 5:
            return day


def draw_payment(rng, age_group):
    if age_group == "65+" and rng.random() < 0.75:
        return "medicare"
    if age_group == "12-17":
        return weighted(rng, {"medicaid": 50, "private_insurance": 40, "grant_scholarship": 5, "other": 5})
    return weighted(rng, PAYMENT_WEIGHTS)


def draw_los(rng, level, reason):
    group = "completed" if reason == "completed" else "early" if reason in EARLY_EXITS else "other"
    low, mode, high = LOS_DAYS[level][group]
    return round(rng.triangular(low, high, mode))


def set_outcome(episode, reason, los):
    """Discharge the episode after `los` days, or leave it in care when that is after the cut-off."""
    discharge = episode.admission + timedelta(days=los)
    episode.discharge, episode.reason = (discharge, reason) if discharge <= AS_OF else (None, "")


def make_episode(rng, level):
    episode = Episode(level=level, program=PROGRAM_OF_LEVEL[level], admission=draw_admission(rng, level))
    episode.age_group = weighted(rng, AGE_WEIGHTS)
    episode.sex = weighted(rng, SEX_WEIGHTS)
    episode.substance = weighted(rng, SUBSTANCE_WEIGHTS)
    episode.payment = draw_payment(rng, episode.age_group)
    episode.co_occurring = weighted(rng, CO_OCCURRING_WEIGHTS)
    episode.prior = weighted(rng, PRIOR_WEIGHTS)
    reason = weighted(rng, REASON_WEIGHTS[level])
    set_outcome(episode, reason, draw_los(rng, level, reason))
    bonus = 0.04 if reason == "completed" else -0.06 if reason in EARLY_EXITS else 0.0
    episode.engagement = min(0.99, BASE_ENGAGEMENT[level] + bonus + rng.uniform(-0.10, 0.06))
    episode.on_mat = level == "inpatient" or rng.random() < MAT_PROBABILITY.get(episode.substance, 0.08)
    episode.family = episode.age_group == "12-17" or rng.random() < 0.2
    episode.weekday = rng.choice([0, 3]) if level == "intensive_outpatient" else rng.randint(0, 4)
    episode.holistic_grant = rng.random() < 0.3
    return episode


def add_edge_cases(rng, episodes):
    """Same-day discharges, clients who never came (no attendance rows) and clients who only no-showed."""
    def pick(levels, count, pattern, reason, shortest, longest):
        pool = [e for e in episodes if e.level in levels and e.pattern == "regular" and e.discharge
                and e.reason != "completed" and e.admission < date(2026, 4, 1)]
        for episode in rng.sample(pool, count):
            set_outcome(episode, reason, rng.randint(shortest, longest))
            episode.pattern = pattern

    pick(["inpatient"], 1, "same_day", "transferred", 0, 0)
    pick(["residential"], 1, "same_day", "dropped_out", 0, 0)
    pick(["outpatient"], 1, "no_contact", "other", 0, 0)
    pick(["intensive_outpatient", "outpatient"], 3, "no_contact", "dropped_out", 2, 6)
    pick(OUTPATIENT_LEVELS, 4, "never_attends", "dropped_out", 8, 20)


def ensure_every_code(rng, episodes, attribute, codes, eligible=lambda e: True):
    """Make sure each code appears at least once, re-coding a row whose value is common."""
    for code in codes:
        if any(getattr(e, attribute) == code for e in episodes):
            continue
        counts = Counter(getattr(e, attribute) for e in episodes)
        pool = [e for e in episodes if eligible(e) and counts[getattr(e, attribute)] > 5]
        setattr(rng.choice(pool), attribute, code)


def ensure_coverage(rng, episodes):
    ensure_every_code(rng, episodes, "reason", REASONS,
                      lambda e: e.pattern == "regular" and e.reason == "dropped_out")
    ensure_every_code(rng, episodes, "payment", PAYMENT_SOURCES)
    ensure_every_code(rng, episodes, "age_group", AGE_GROUPS, lambda e: e.payment != "medicare")
    ensure_every_code(rng, episodes, "sex", SEXES)
    ensure_every_code(rng, episodes, "substance", SUBSTANCES)
    ensure_every_code(rng, episodes, "co_occurring", CO_OCCURRING)
    ensure_every_code(rng, episodes, "prior", PRIOR_EPISODES)


def assign_people(rng, episodes):
    """Pseudonymous person tokens; about one episode in nine is a readmission of an earlier client."""
    returned = []
    for episode in episodes:
        earlier = [e for e in episodes if e.discharge and e.discharge < episode.admission
                   and e.person_id not in returned and e.pattern != "bad"]
        if earlier and episode.pattern != "bad" and rng.random() < 0.11:
            previous = rng.choice(earlier[-40:])  # usually someone discharged not long ago
            returned.append(previous.person_id)
            episode.person_id, episode.age_group, episode.sex = previous.person_id, previous.age_group, previous.sex
            if episode.prior is not None:
                episode.prior = max(episode.prior, 1)
        else:
            episode.person_id = f"p-{rng.getrandbits(40):010x}"


def make_bad_episodes(rng):
    """Four episodes that each break one contract rule; nothing else in the batch points at them."""
    bad = []
    for level, admission in [("residential", date(2025, 4, 9)), ("intensive_outpatient", date(2025, 7, 14)),
                             ("outpatient", date(2025, 9, 15)), ("intensive_outpatient", date(2026, 2, 10))]:
        episode = make_episode(rng, level)
        episode.admission, episode.pattern = admission, "bad"
        bad.append(episode)
    unknown_level, not_a_date, backwards, reason_only = bad
    set_outcome(unknown_level, "completed", 6)
    unknown_level.written["level_of_care"] = "detox"
    set_outcome(not_a_date, "completed", 63)
    not_a_date.written["admission_date"] = not_a_date.admission.strftime("%m/%d/%Y")
    set_outcome(backwards, "completed", 90)
    backwards.written["discharge_date"] = (backwards.admission - timedelta(days=3)).isoformat()
    reason_only.discharge, reason_only.reason = None, "dropped_out"
    return {"unknown level_of_care code (detox)": unknown_level,
            "admission_date is not a yyyy-MM-dd date (07/14/2025)": not_a_date,
            "discharge_date before admission_date": backwards,
            "discharge_reason set without a discharge_date": reason_only}


def sprinkle_spellings(rng, episodes):
    """A few non-canonical spellings that case-insensitive, trimmed matching must accept."""
    def some(condition, count):
        return rng.sample([e for e in episodes if condition(e) and not e.written], count)

    for episode in some(lambda e: e.payment == "medicaid", 2):
        episode.written["payment_source"] = " Medicaid "
    for value, truth in [("Yes", "true"), ("1", "true"), ("TRUE", "true"), ("no", "false"), ("0", "false")]:
        some(lambda e: e.co_occurring == truth, 1)[0].written["co_occurring_mental_health"] = value
    some(lambda e: e.sex == "female", 1)[0].written["sex"] = "Female"
    some(lambda e: e.sex == "male", 1)[0].written["sex"] = "MALE "
    some(lambda e: e.substance == "alcohol", 1)[0].written["primary_substance"] = "Alcohol"
    some(lambda e: e.level == "intensive_outpatient", 1)[0].written["level_of_care"] = "Intensive_Outpatient"
    some(lambda e: e.reason == "completed", 1)[0].written["discharge_reason"] = " completed"


def make_episodes(rng):
    """All episodes in admission order, the good ones, and the bad ones by the rule each breaks."""
    good = [make_episode(rng, level) for level, count in LEVEL_COUNTS.items() for _ in range(count)]
    first = next(e for e in good if e.level == "intensive_outpatient")
    first.admission = FIRST_ADMISSION
    set_outcome(first, "completed", 56)
    last = next(e for e in reversed(good) if e.level == "residential")
    last.admission = LAST_ADMISSION
    set_outcome(last, "completed", 35)  # still in care at the cut-off
    add_edge_cases(rng, good)
    bad = make_bad_episodes(rng)
    episodes = sorted(good + list(bad.values()), key=lambda e: e.admission)  # stable: ties keep order
    for number, episode in enumerate(episodes, start=1):
        episode.episode_id = f"ep-{number:06d}"
    assign_people(rng, episodes)
    ensure_coverage(rng, good)
    sprinkle_spellings(rng, good)
    good = [e for e in episodes if e.pattern != "bad"]
    return episodes, good, bad


# ---------------------------------------------------------------------------------------------------
# Sessions and invitations
# ---------------------------------------------------------------------------------------------------
IOP_AND_PHP = ("intensive_outpatient", "partial_hospitalization")
PHP_ONLY = ("partial_hospitalization",)
HOUSED = ("residential", "inpatient")


def week_number(day):
    return (day - FIRST_ADMISSION).days // 7


def group_slots(program, day):
    """The group sessions a program runs on a day: (component, activity, minutes, levels invited)."""
    weekday, week = day.weekday(), week_number(day)
    holistic = HOLISTIC_ACTIVITIES[week % 4]
    topic = PSYCHOEDUCATION_TOPICS[week % len(PSYCHOEDUCATION_TOPICS)]
    if program == "prg-north-iop":  # IOP three days a week; PHP clients join them and come on all weekdays
        return {
            0: [("group_therapy", "", 180, IOP_AND_PHP)],
            1: [("group_therapy", "", 180, PHP_ONLY)],
            2: [("psychoeducation", topic, 120, IOP_AND_PHP)],
            3: [("group_therapy", "", 180, IOP_AND_PHP) if week % 2 else ("holistic", holistic, 90, IOP_AND_PHP)],
            4: [("holistic", holistic, 90, PHP_ONLY), ("psychoeducation", topic, 90, PHP_ONLY)],
        }.get(weekday, [])
    if program == "prg-east-outpatient":  # a weekly evening group
        return [("group_therapy", "", 90, ("outpatient",))] if weekday == 1 else []
    return [[("group_therapy", "", 120, HOUSED)], [("psychoeducation", topic, 90, HOUSED)],  # Monday..Sunday
            [("group_therapy", "", 120, HOUSED)], [("holistic", HOLISTIC_ACTIVITIES[week % 2], 60, HOUSED)],
            [("group_therapy", "", 120, HOUSED)], [("holistic", HOLISTIC_ACTIVITIES[2 + week % 2], 90, HOUSED)],
            [("psychoeducation", "family education", 60, HOUSED)]][weekday]


def joins_group(episode, day, levels):
    if episode.pattern in ("no_contact", "bad") or episode.level not in levels or not episode.in_care(day):
        return False
    if episode.level == "inpatient":
        return day > episode.admission  # detox first, groups from the second day
    if episode.level == "outpatient":
        return (day - episode.admission).days // 7 % 2 == 0  # group weeks alternate with individual weeks
    return True


def split_into_groups(members):
    count = math.ceil(len(members) / MAX_GROUP_SIZE)
    size, extra = divmod(len(members), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(members[start:end])
        start = end
    return groups


def delivery_mode(rng, program, component):
    if rng.random() < 0.04:
        return ""
    if program == "prg-harbor-recovery":
        return "in_person"
    telehealth = {"individual_counseling": 0.3, "medication_management": 0.35, "family_therapy": 0.25,
                  "assessment": 0.1}.get(component, 0.12)
    if program == "prg-east-outpatient":
        telehealth += 0.1
    return "telehealth" if rng.random() < telehealth else "in_person"


def make_group_sessions(rng, episodes):
    sessions, invitations = [], []
    by_program = defaultdict(list)
    for episode in episodes:
        by_program[episode.program].append(episode)
    for day in days_between(FIRST_ADMISSION, AS_OF):
        for program in sorted(by_program):
            for component, activity, minutes, levels in group_slots(program, day):
                members = [e for e in by_program[program] if joins_group(e, day, levels)]
                for group in (split_into_groups(members) if len(members) >= MIN_GROUP_SIZE else []):
                    session = Session(program, component, activity, day, minutes,
                                      delivery_mode(rng, program, component), cancelled=rng.random() < 0.015)
                    sessions.append(session)
                    invitations += [Invitation(session, e) for e in group]
    return sessions, invitations


def recurring(episode, first_offset, every, weekday=None):
    """Dates from admission + first_offset every `every` days (moved to `weekday`), within the stay."""
    day = episode.admission + timedelta(days=first_offset)
    while True:
        when = on_or_after(day, weekday) if weekday is not None else day
        if when > episode.end:
            return
        yield when
        day += timedelta(days=every)


def individual_plan(episode):
    """(date, component, activity, minutes) of one client's one-to-one sessions."""
    e, level, plan = episode, episode.level, []

    def add(dates, component, minutes, activity=""):
        plan.extend((day, component, activity, minutes) for day in dates)

    if level in ("inpatient", "residential", "partial_hospitalization"):
        add([e.admission], "assessment", 120 if level == "residential" else 90, "intake")
    if level == "inpatient":
        add(recurring(e, 0, 1), "medication_management", 30)
        add(recurring(e, 1, 2), "individual_counseling", 50)
    elif level == "residential":
        add(recurring(e, 2, 7), "individual_counseling", 60)
        add(recurring(e, 1, 7) if e.on_mat else [], "medication_management", 30)
        add(recurring(e, 10, 14) if e.family else [], "family_therapy", 90)
    elif level == "partial_hospitalization":
        add(recurring(e, 1, 7, weekday=e.weekday), "individual_counseling", 60)
        add(recurring(e, 2, 7, weekday=2) if e.on_mat else [], "medication_management", 30)
        add(recurring(e, 8, 14, weekday=3) if e.family else [], "family_therapy", 60)
    elif level == "intensive_outpatient":
        add(recurring(e, 1, 7, weekday=e.weekday), "individual_counseling", 60)
        add(recurring(e, 3, 14, weekday=2) if e.on_mat else [], "medication_management", 30)
        add(recurring(e, 10, 14, weekday=3) if e.family else [], "family_therapy", 60)
        add(list(recurring(e, 28, 10_000, weekday=0))[:1], "assessment", 60, "reassessment")
    else:  # outpatient: individual sessions in the weeks without group
        add(recurring(e, 7, 14, weekday=e.weekday), "individual_counseling", 50)
        add(recurring(e, 5, 28, weekday=e.weekday) if e.on_mat else [], "medication_management", 30)
        add(recurring(e, 20, 28, weekday=e.weekday) if e.family else [], "family_therapy", 60)
        add(list(recurring(e, 90, 10_000, weekday=e.weekday))[:1], "assessment", 60, "reassessment")
    return plan


def make_individual_sessions(rng, episodes):
    sessions, invitations = [], []
    for episode in episodes:
        if episode.pattern in ("no_contact", "bad"):
            continue
        for day, component, activity, minutes in individual_plan(episode):
            session = Session(episode.program, component, activity, day, minutes,
                              delivery_mode(rng, episode.program, component), cancelled=rng.random() < 0.025)
            sessions.append(session)
            invitations.append(Invitation(session, episode))
    return sessions, invitations


def attendance_probability(episode, day):
    """Engagement falls over the last part of the stay of clients who drop out or are discharged."""
    probability = episode.engagement
    if episode.reason in EARLY_EXITS and episode.los > 0:
        progress = (day - episode.admission).days / episode.los
        if progress > 0.4:
            probability -= (probability - 0.2) * (progress - 0.4) / 0.6
    return probability


def mark_attendance(rng, invitations):
    for invitation in invitations:
        session, episode = invitation.session, invitation.episode
        if session.cancelled:
            invitation.status = "cancelled"
        elif episode.pattern != "never_attends" and rng.random() < attendance_probability(episode, session.day):
            invitation.status = "attended"
            partial = rng.random() < 0.1
            minutes = rng.randint(session.minutes // 2, session.minutes - 5) if partial else session.minutes
            invitation.minutes = str(minutes)
            continue
        elif episode.pattern == "never_attends":
            invitation.status = "no_show"
        else:
            invitation.status = "late_cancel" if rng.random() < 0.3 else "no_show"
        invitation.minutes = "0" if rng.random() < 0.15 else ""


def make_schedule(rng, episodes):
    group_sessions, group_invitations = make_group_sessions(rng, episodes)
    one_to_one, individual_invitations = make_individual_sessions(rng, episodes)
    sessions = sorted(group_sessions + one_to_one, key=lambda s: (s.day, s.program))  # stable
    for number, session in enumerate(sessions, start=1):
        session.session_id = f"s-{number:06d}"
    invitations = group_invitations + individual_invitations
    mark_attendance(rng, invitations)
    invitations.sort(key=lambda i: (i.session.session_id, i.episode.episode_id))
    return sessions, invitations


# ---------------------------------------------------------------------------------------------------
# Charges
# ---------------------------------------------------------------------------------------------------
def price(episode, item):
    return money(Decimal(PRICES[episode.level][item]) * Decimal(PAYER_RATE[episode.payment]))


def session_charges(rng, invitations):
    """A charge for each attended session; copays, grant-paid holistic sessions and late-cancel fees."""
    charges = []
    for invitation in invitations:
        session, episode = invitation.session, invitation.episode
        if invitation.status == "late_cancel" and episode.level in OUTPATIENT_LEVELS \
                and session.component == "individual_counseling" and rng.random() < 0.4:
            charges.append(Charge(episode, session, session.day, "other", money(25), "self_pay"))
        if invitation.status != "attended":
            continue
        payer = "grant_scholarship" if session.component == "holistic" and episode.holistic_grant \
            else episode.payment
        charges.append(Charge(episode, session, session.day, CATEGORY_OF_COMPONENT[session.component],
                              price(episode, session.component), payer))
        if episode.payment == "private_insurance" and session.component in ("individual_counseling",
                                                                            "family_therapy"):
            charges.append(Charge(episode, session, session.day, "therapy", money(30), "self_pay"))
    return charges


def room_and_board(episode):
    """Billed weekly in arrears: one charge per week of stay, the last (partial) week at discharge."""
    rate, charges = Decimal(PRICES[episode.level]["room_and_board"]), []
    nights = max(episode.los, 1)
    for start in range(0, nights, 7):
        days = min(7, nights - start)
        billed_on = episode.admission + timedelta(days=start + days if days < 7 else start + 6)
        if days < 7 and not episode.discharge:
            break  # a week still running at the cut-off is not billed yet
        charges.append(Charge(episode, None, min(billed_on, episode.end), "room_and_board", money(rate * days),
                              episode.payment))
    return charges


def lab_charges(rng, episode, attended_days):
    """Urine drug screens in weeks the client came in; a lab panel at admission to inpatient care."""
    if episode.level == "inpatient":
        return [Charge(episode, None, episode.admission, "lab", price(episode, "lab_panel"), episode.payment)]
    chance = {"residential": 1.0, "partial_hospitalization": 0.9, "intensive_outpatient": 0.8,
              "outpatient": 0.3}[episode.level]
    charges, weeks = [], set()
    for day in sorted(attended_days):
        week = (day - episode.admission).days // 7
        if week not in weeks:
            weeks.add(week)
            if rng.random() < chance:
                charges.append(Charge(episode, None, day, "lab", price(episode, "drug_screen"), episode.payment))
    return charges


def episode_charges(rng, episode, attended_days):
    charges = []
    if "intake" in PRICES[episode.level]:  # outpatient-type intake, not a scheduled session
        charges.append(Charge(episode, None, episode.admission, "assessment", price(episode, "intake"),
                              episode.payment))
    if episode.level in HOUSED:
        charges += room_and_board(episode)
    charges += lab_charges(rng, episode, attended_days)
    if rng.random() < 0.1:  # workbook, transport or materials fee
        charges.append(Charge(episode, None, episode.admission, "other", money(rng.choice([25, 40, 60, 75])),
                              episode.payment))
    return charges


def adjustments(rng, episode, charges):
    """Write-offs at discharge for self-paying clients; payer adjustments of single session charges."""
    result = []
    if episode.discharge and episode.payment in ("self_pay", "sliding_scale", "financing") and rng.random() < 0.5:
        total = sum(c.amount for c in charges)
        if total > 0:
            share = Decimal(rng.choice(["0.10", "0.15", "0.20", "0.25", "0.30"]))
            result.append(Charge(episode, None, episode.discharge, "adjustment", -money(total * share),
                                 episode.payment))
    for charge in charges:
        if charge.session and charge.payer in ("medicaid", "private_insurance", "medicare") \
                and charge.category != "adjustment" and rng.random() < 0.015:
            share = Decimal(rng.choice(["0.20", "0.50", "1.00"]))
            result.append(Charge(episode, charge.session, charge.day, "adjustment", -money(charge.amount * share),
                                 charge.payer))
    return result


def make_charges(rng, episodes, invitations):
    by_episode = defaultdict(list)
    for charge in session_charges(rng, invitations):
        by_episode[charge.episode.episode_id].append(charge)
    attended = defaultdict(list)
    for invitation in invitations:
        if invitation.status == "attended":
            attended[invitation.episode.episode_id].append(invitation.session.day)
    charges = []
    for episode in episodes:
        own = by_episode[episode.episode_id] + episode_charges(rng, episode, attended[episode.episode_id])
        charges += own + adjustments(rng, episode, own)
    charges.sort(key=lambda c: (c.day, c.episode.episode_id))  # stable
    return charges


def number_charges(charges):
    for number, charge in enumerate(charges, start=1):
        charge.cost_id = f"c-{number:06d}"


# ---------------------------------------------------------------------------------------------------
# Deliberately bad rows in the other files (each breaks exactly one rule)
# ---------------------------------------------------------------------------------------------------
def middle(items, fraction):
    return items[int(len(items) * fraction)]


def add_bad_session(sessions):
    """A session with a component the contract does not know; no one is invited to it."""
    anchor = middle(sessions, 0.55)
    bad = Session(anchor.program, "peer_support", "recovery coach", anchor.day, 60, "in_person")
    index = sessions.index(anchor) + 1
    sessions.insert(index, bad)
    for number, session in enumerate(sessions, start=1):
        session.session_id = f"s-{number:06d}"
    return {"unknown program_component code (peer_support)": bad}


def add_bad_attendance(invitations, sessions):
    """An invitation to a session that does not exist, and minutes attended above the scheduled minutes."""
    over = next(i for i in invitations[len(invitations) * 2 // 3:]
                if i.status == "attended" and i.session.component == "group_therapy" and not i.written)
    over.minutes = str(over.session.minutes + 30)
    anchor = middle(invitations, 0.4)
    ghost = Session(anchor.session.program, "group_therapy", "", anchor.session.day, 90, "in_person",
                    session_id=f"s-{len(sessions) + 5000:06d}")
    missing = Invitation(ghost, anchor.episode, "no_show", "")
    invitations.insert(invitations.index(anchor) + 1, missing)
    return {f"session_id names no session ({ghost.session_id})": missing,
            "minutes_attended above the session's scheduled_minutes": over}


def add_bad_costs(charges):
    """A therapy charge keyed in as a negative amount, and two charges sharing one cost_id."""
    template = next(c for c in charges[len(charges) // 3:] if c.category == "therapy" and c.session
                    and c.amount > 0 and not c.written)
    negative = Charge(template.episode, template.session, template.day, "therapy", -template.amount, template.payer)
    charges.insert(charges.index(template) + 1, negative)
    number_charges(charges)
    first = next(c for c in charges[len(charges) * 3 // 4:] if c.category == "lab" and not c.written)
    later = next(c for c in charges[charges.index(first) + 25:] if c.episode is not first.episode
                 and c.category == "therapy")
    duplicate = Charge(later.episode, None, later.day, "other", money(40), later.episode.payment,
                       cost_id=first.cost_id)
    charges.insert(charges.index(later) + 1, duplicate)
    return {"amount negative for a category other than adjustment": negative,
            f"duplicate cost_id {first.cost_id} in the batch (first row)": first,
            f"duplicate cost_id {first.cost_id} in the batch (second row)": duplicate}


def sprinkle_other_spellings(rng, sessions, invitations, charges):
    rng.choice([s for s in sessions if s.mode == "telehealth"]).written["delivery_mode"] = "Telehealth"
    rng.choice([s for s in sessions if s.component == "group_therapy"]).written["program_component"] = \
        "Group_Therapy"
    for invitation in rng.sample([i for i in invitations if i.status == "attended"], 2):
        invitation.written["status"] = "Attended"
    rng.choice([i for i in invitations if i.status == "no_show"]).written["status"] = "NO_SHOW"
    rng.choice([c for c in charges if c.payer == "medicaid"]).written["payer"] = " Medicaid "
    rng.choice([c for c in charges if c.category == "therapy" and c.amount > 0]).written["cost_category"] = \
        "Therapy"


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------
def iso(day):
    return day.isoformat() if day else ""


def episode_row(e):
    row = {"episode_id": e.episode_id, "person_id": e.person_id, "program_id": e.program,
           "level_of_care": e.level, "admission_date": iso(e.admission), "discharge_date": iso(e.discharge),
           "discharge_reason": e.reason, "payment_source": e.payment, "age_group": e.age_group, "sex": e.sex,
           "primary_substance": e.substance, "co_occurring_mental_health": e.co_occurring,
           "prior_treatment_episodes": "" if e.prior is None else str(e.prior)}
    return {**row, **e.written}


def session_row(s):
    row = {"session_id": s.session_id, "program_id": s.program, "program_component": s.component,
           "activity": s.activity, "session_date": iso(s.day), "scheduled_minutes": str(s.minutes),
           "delivery_mode": s.mode}
    return {**row, **s.written}


def attendance_row(i):
    row = {"session_id": i.session.session_id, "episode_id": i.episode.episode_id, "status": i.status,
           "minutes_attended": i.minutes}
    return {**row, **i.written}


def cost_row(c):
    row = {"cost_id": c.cost_id, "episode_id": c.episode.episode_id,
           "session_id": c.session.session_id if c.session else "", "service_date": iso(c.day),
           "cost_category": c.category, "amount": f"{c.amount:.2f}", "payer": c.payer}
    return {**row, **c.written}


def write_csv(path, columns, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def session_json(row):
    """scheduled_minutes as a JSON number; an empty activity is left out, an empty delivery_mode is null."""
    record = {k: v for k, v in row.items() if not (k == "activity" and v == "")}
    record["scheduled_minutes"] = int(row["scheduled_minutes"])
    record["delivery_mode"] = row["delivery_mode"] or None
    return record


def write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        for row in rows:
            out.write(json.dumps(session_json(row), ensure_ascii=False) + "\n")


def report_bad_rows(name, bad, records):
    """Print the 1-based line number (header = line 1) of each bad row."""
    lines = {id(record): number for number, record in enumerate(records, start=2)}
    for rule, record in bad.items():
        print(f"  {name}.csv line {lines[id(record)]}: {rule}")


def print_summary(good, sessions, invitations, charges):
    print(f"episodes {len(good)} good; sessions {len(sessions)}; attendance {len(invitations)}; "
          f"costs {len(charges)}")
    print("  per level:", dict(Counter(e.level for e in good)))
    print("  per discharge reason:", dict(Counter(e.reason or "(in care)" for e in good)))


def main():
    rng = random.Random(SEED)
    episodes, good, bad_episodes = make_episodes(rng)
    sessions, invitations = make_schedule(rng, good)
    charges = make_charges(rng, good, invitations)
    number_charges(charges)
    sprinkle_other_spellings(rng, sessions, invitations, charges)
    bad_sessions = add_bad_session(sessions)
    bad_attendance = add_bad_attendance(invitations, sessions)
    bad_costs = add_bad_costs(charges)

    session_rows = [session_row(s) for s in sessions]
    write_csv(HERE / "sample" / "episodes.csv", EPISODE_COLUMNS, [episode_row(e) for e in episodes])
    write_csv(HERE / "sample" / "sessions.csv", SESSION_COLUMNS, session_rows)
    write_csv(HERE / "sample" / "attendance.csv", ATTENDANCE_COLUMNS, [attendance_row(i) for i in invitations])
    write_csv(HERE / "sample" / "costs.csv", COST_COLUMNS, [cost_row(c) for c in charges])
    write_jsonl(HERE / "formats" / "sessions.jsonl", session_rows)

    print_summary(good, sessions, invitations, charges)
    print("deliberately bad rows:")
    report_bad_rows("episodes", bad_episodes, episodes)
    report_bad_rows("sessions", bad_sessions, sessions)
    report_bad_rows("attendance", bad_attendance, invitations)
    report_bad_rows("costs", bad_costs, charges)


if __name__ == "__main__":
    main()
