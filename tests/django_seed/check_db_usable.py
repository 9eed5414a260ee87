#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a database created by another program (the Trip Planner app) is one
the seed Django system could use as its own.

Usage: DATABASE_URL=postgresql://user:pw@host:port/db /usr/bin/python3 check_db_usable.py

Checks, in order:
  1. migrations: Django finds every migration of every installed app applied
     (`migrate --check`), and the recorded history is consistent;
  2. schema: every table and column of every model exists with the type and
     nullability Django expects, auto ids have a default (sequence or identity),
     and no extra NOT NULL column without a default would break Django's inserts;
  3. existing rows: every row of the api/destination_search models and auth_user
     loads through the ORM and passes full_clean();
  4. round trip: the ORM creates a user with preferences, a destination, a trip with
     conversation, messages, state, recommendations and planning sessions, reads
     them back, honours the partial unique constraint and SET_NULL, then deletes
     the user and sees Django's cascade remove everything that hung off it.
The ORM objects are created under unique names and removed again.

Exit status 0 when everything holds; 1 with a message per problem otherwise.
"""
import datetime
import os
import sys
import uuid
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seedproject.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.db.migrations.exceptions import InconsistentMigrationHistory  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

from api.models import Destination, PlanningSession, Trip, UserPreferences  # noqa: E402
from destination_search.models import (  # noqa: E402
    ConversationState,
    Message,
    Recommendations,
    TripConversation,
)

LOCATIONS = [
    {"name": "Bali", "country": "Indonesia", "description": "Luxury beach resorts."},
    {"name": "Maldives", "country": "", "description": "Overwater bungalows."},
    {"name": "Santorini", "country": "Greece", "description": "Sunsets over the caldera."},
]


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


# --- 1. migrations -------------------------------------------------------------

def check_migrations():
    try:
        executor = MigrationExecutor(connection)
        executor.loader.check_consistent_history(connection)
    except InconsistentMigrationHistory as exc:
        raise CheckFailed("inconsistent migration history in django_migrations: %s" % exc)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        missing = ", ".join("%s.%s" % (m.app_label, m.name) for m, _backwards in plan)
        raise CheckFailed("Django sees unapplied migrations: %s" % missing)
    known = set(executor.loader.graph.nodes)
    unknown = sorted(set(executor.loader.applied_migrations) - known)
    if unknown:
        print("check_db_usable: note: django_migrations has rows Django does not know: %s"
              % ", ".join("%s.%s" % key for key in unknown))
    try:
        call_command("migrate", check=True, verbosity=0)  # what an operator would run
    except SystemExit as exc:
        raise CheckFailed("`manage.py migrate --check` exited with status %s" % exc.code)


# --- 2. schema -----------------------------------------------------------------

_TYPE_ALIASES = {
    "serial": "integer",
    "bigserial": "bigint",
    "smallserial": "smallint",
    "time": "time without time zone",
    "timestamp": "timestamp without time zone",
}


def normalize_type(db_type):
    t = db_type.strip().lower()
    if t.startswith("varchar("):
        t = "character varying(" + t[len("varchar("):]
    t = t.replace(", ", ",")
    return _TYPE_ALIASES.get(t, t)


def table_columns(cursor, table):
    cursor.execute(
        """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relname = %s AND c.relkind IN ('r', 'p')
          AND pg_catalog.pg_table_is_visible(c.oid)
          AND a.attnum > 0 AND NOT a.attisdropped
        """,
        [table],
    )
    return {row[0]: row[1:] for row in cursor.fetchall()}


def check_schema():
    problems = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            opts = model._meta
            if not opts.managed or opts.proxy:
                continue
            table = opts.db_table
            columns = table_columns(cursor, table)
            if not columns:
                problems.append("table %s (%s) is missing" % (table, opts.label))
                continue
            expected = set()
            for field in opts.local_concrete_fields:
                column = field.column
                expected.add(column)
                if column not in columns:
                    problems.append("%s.%s is missing" % (table, column))
                    continue
                actual_type, notnull, default, identity = columns[column]
                want = normalize_type(field.db_type(connection))
                accepted = {want}
                if opts.auto_created and field.primary_key:
                    # Migrations give auto-created m2m tables (auth_user_groups, ...) an id of
                    # DEFAULT_AUTO_FIELD (bigint here), the runtime model says integer
                    # (Django ticket #32674). Django works with either.
                    accepted |= {"integer", "bigint"}
                if actual_type not in accepted:
                    problems.append("%s.%s has type %s, Django expects %s" % (table, column, actual_type, want))
                if notnull == field.null:
                    problems.append("%s.%s is %s, Django expects %s" % (
                        table, column, "NOT NULL" if notnull else "nullable",
                        "nullable" if field.null else "NOT NULL"))
                if field.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField"):
                    if not identity and not (default and "nextval(" in default):
                        problems.append("%s.%s is an auto id without a sequence or identity default"
                                        % (table, column))
            for column, (_type, notnull, default, identity) in columns.items():
                if column not in expected and notnull and default is None and not identity:
                    problems.append("%s.%s is an extra NOT NULL column without a default; Django's "
                                    "inserts would fail" % (table, column))
    if problems:
        raise CheckFailed("schema differs from the models:\n  " + "\n  ".join(problems))


# --- 3. existing rows ----------------------------------------------------------

def check_existing_rows():
    problems = []
    models = [User] + list(apps.get_app_config("api").get_models()) + \
        list(apps.get_app_config("destination_search").get_models())
    count = 0
    for model in models:
        for obj in model.objects.all().iterator():
            count += 1
            try:
                obj.full_clean(validate_unique=False)
            except ValidationError as exc:
                problems.append("%s pk=%s: %s" % (model._meta.label, obj.pk, exc.message_dict))
            for field in model._meta.concrete_fields:
                if field.get_internal_type() == "JSONField":
                    value = getattr(obj, field.attname)
                    if isinstance(value, str):
                        problems.append("%s pk=%s: %s holds a JSON string, not a JSON document (%r)"
                                        % (model._meta.label, obj.pk, field.name, value[:60]))
    if problems:
        raise CheckFailed("existing rows Django would reject:\n  " + "\n  ".join(problems))
    return count


# --- 4. ORM round trip ---------------------------------------------------------

def round_trip():
    tag = uuid.uuid4().hex[:10]
    username = "tp_check_" + tag
    created_destinations = []
    try:
        user = User.objects.create_user(username, username + "@example.com", "pw-" + tag)
        UserPreferences.objects.create(user=user, preferences_text="beach, luxury",
                                       budget_min=Decimal("3000.00"), budget_max=Decimal("5000.00"))
        dest = Destination.objects.create(name="Check " + tag, country="Nowhere", city="Nocity",
                                          average_cost_per_day=Decimal("99.95"),
                                          latitude=Decimal("-8.409518"), longitude=Decimal("115.188919"))
        created_destinations.append(dest.pk)
        trip = Trip.objects.create(user=user, title="Check trip", destination=dest,
                                   start_date=datetime.date(2026, 7, 1), end_date=datetime.date(2026, 7, 14),
                                   budget=Decimal("4500.00"), travelers_count=2, status="ai_chat_active")
        conv = TripConversation.objects.create(trip=trip)
        Message.objects.create(conversation=conv, is_user=True, content="I want a beach vacation")
        Message.objects.create(conversation=conv, is_user=False, content="What's your budget?")
        Recommendations.objects.create(conversation=conv, locations=LOCATIONS)
        ConversationState.objects.create(conversation=conv, current_stage="asking_clarifications",
                                         question_queue=["When?", "How long?"], total_questions=3,
                                         questions_asked=1, user_info="I want a beach vacation")
        session = PlanningSession.objects.create(trip=trip, stages_completed=["destination"],
                                                 session_data={"hotel_ids": [1, 5, 8]})

        # Read everything back through fresh queries.
        user = User.objects.get(username=username)
        expect(user.check_password("pw-" + tag), "password hash does not verify after reload")
        expect(user.preferences.budget_max == Decimal("5000.00"), "preferences did not round-trip")
        trip = Trip.objects.select_related("destination").get(pk=trip.pk)
        expect(trip.destination.latitude == Decimal("-8.409518"), "destination latitude did not round-trip")
        expect((trip.start_date, trip.end_date) == (datetime.date(2026, 7, 1), datetime.date(2026, 7, 14)),
               "trip dates did not round-trip")
        expect(trip.created_at is not None and trip.created_at.tzinfo is not None,
               "trip.created_at is not an aware datetime")
        conv = trip.destination_conversation
        contents = [m.content for m in conv.messages.all()]
        expect(contents == ["I want a beach vacation", "What's your budget?"],
               "messages not read back in timestamp order: %r" % contents)
        expect(conv.recommendations.last().locations == LOCATIONS, "recommendations JSON did not round-trip")
        expect(conv.state.question_queue == ["When?", "How long?"], "question_queue did not round-trip")
        session = trip.planning_sessions.get()
        expect(session.stages_completed == ["destination"] and session.session_data == {"hotel_ids": [1, 5, 8]},
               "planning session JSON did not round-trip")

        # Only one non-completed planning session per trip.
        try:
            with transaction.atomic():
                PlanningSession.objects.create(trip=trip)
        except IntegrityError:
            pass
        else:
            raise CheckFailed("a second active planning session was accepted "
                              "(unique_active_session_per_trip is missing)")
        session.current_stage = "completed"
        session.is_active = False
        session.save()
        PlanningSession.objects.create(trip=trip)
        expect(trip.planning_sessions.count() == 2, "could not start a new session after completing one")

        # Trip.destination is SET_NULL (Django does it, the database need not).
        other = Destination.objects.create(name="Gone " + tag, country="Nowhere")
        created_destinations.append(other.pk)
        other_trip = Trip.objects.create(user=user, title="Loses its destination", destination=other)
        # The desktop app's record of where the coordinates came from goes with
        # the destination (ON DELETE CASCADE): Django knows nothing of it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('tripplanner_coordinate_source') IS NOT NULL")
            has_sources = cursor.fetchone()[0]
            if has_sources:
                cursor.execute(
                    "INSERT INTO tripplanner_coordinate_source (destination_id, source, latitude, longitude, "
                    "detail, recorded_at) VALUES (%s, 'typed', 1, 2, '', now())", [other.pk])
        other.delete()
        other_trip.refresh_from_db()
        expect(other_trip.destination_id is None, "deleting a destination did not null Trip.destination")
        if has_sources:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM tripplanner_coordinate_source WHERE destination_id = %s",
                               [other.pk])
                expect(cursor.fetchone()[0] == 0, "the coordinate source outlived its destination")

        # Deleting the user cascades (in Django) to everything that hangs off it.
        trip_ids = list(Trip.objects.filter(user=user).values_list("pk", flat=True))
        conv_id = conv.pk
        user.delete()
        leftovers = {
            "auth_user": User.objects.filter(username=username).count(),
            "api_userpreferences": UserPreferences.objects.filter(user__username=username).count(),
            "api_trip": Trip.objects.filter(pk__in=trip_ids).count(),
            "api_planningsession": PlanningSession.objects.filter(trip_id__in=trip_ids).count(),
            "destination_search_tripconversation": TripConversation.objects.filter(pk=conv_id).count(),
            "destination_search_message": Message.objects.filter(conversation_id=conv_id).count(),
            "destination_search_recommendations": Recommendations.objects.filter(conversation_id=conv_id).count(),
            "destination_search_conversationstate":
                ConversationState.objects.filter(conversation_id=conv_id).count(),
        }
        left = {k: v for k, v in leftovers.items() if v}
        expect(not left, "rows left after deleting the user: %r" % left)
        expect(Destination.objects.filter(pk=dest.pk).exists(), "the destination was deleted with the user")
    finally:
        User.objects.filter(username=username).delete()
        Destination.objects.filter(pk__in=created_destinations).delete()


def main():
    settings = connection.settings_dict
    where = "%s@%s:%s/%s" % (settings["USER"], settings["HOST"], settings["PORT"], settings["NAME"])
    steps = [
        ("migrations", check_migrations),
        ("schema", check_schema),
        ("existing rows", check_existing_rows),
        ("ORM round trip", round_trip),
    ]
    for name, step in steps:
        try:
            result = step()
        except CheckFailed as exc:
            print("check_db_usable: FAIL (%s) on %s: %s" % (name, where, exc), file=sys.stderr)
            return 1
        except Exception as exc:  # a database error is a failure of the check, not a crash
            print("check_db_usable: FAIL (%s) on %s: %s: %s" % (name, where, type(exc).__name__, exc),
                  file=sys.stderr)
            return 1
        extra = " (%d rows)" % result if isinstance(result, int) else ""
        print("check_db_usable: ok: %s%s" % (name, extra))
    print("check_db_usable: PASS: %s is usable by the Django system" % where)
    return 0


if __name__ == "__main__":
    sys.exit(main())
