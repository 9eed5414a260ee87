#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Migrate the database named by DATABASE_URL and fill it with a small, realistic
data set through the ORM, as the seed Django system would have written it.

Usage: DATABASE_URL=postgresql://user:pw@host:port/db /usr/bin/python3 make_seed_db.py

The database should be fresh (no users yet). Prints a JSON object mapping every
table to its row count on stdout.
"""
import datetime
import json
import os
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seedproject.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from api.models import Destination, PlanningSession, Trip, UserPreferences  # noqa: E402
from destination_search.models import (  # noqa: E402
    ConversationState,
    Message,
    Recommendations,
    TripConversation,
)

RECOMMENDED_LOCATIONS = [
    {
        "name": "Bali",
        "country": "Indonesia",
        "description": "Perfect luxury beach resort destination with world-class spas and restaurants. "
        "Great weather year-round, affordable luxury.",
    },
    {
        "name": "Maldives",
        "country": "",
        "description": "Ultimate luxury island experience with overwater bungalows. Crystal clear water, "
        "excellent diving.",
    },
    {
        "name": "Santorini",
        "country": "Greece",
        "description": "Beautiful beaches with upscale amenities, stunning sunsets, romantic atmosphere.",
    },
]


def seed():
    base = timezone.now().replace(microsecond=0) - datetime.timedelta(days=2)

    alice = User.objects.create_user("alice", "alice@example.com", "alice-password", first_name="Alice")
    bob = User.objects.create_user("bob", "bob@example.com", "bob-password", first_name="Bob")
    UserPreferences.objects.create(
        user=alice,
        preferences_text="Prefers beach destinations, luxury accommodations, budget $3000-5000, travels in summer",
        budget_min=Decimal("3000.00"),
        budget_max=Decimal("5000.00"),
        preferred_group_size=2,
    )
    UserPreferences.objects.create(user=bob)

    bali = Destination.objects.create(
        name="Bali",
        city="Ubud",
        country="Indonesia",
        description="Island of temples, rice terraces and beaches.",
        best_time_to_visit="April to October",
        average_cost_per_day=Decimal("120.50"),
        latitude=Decimal("-8.506900"),
        longitude=Decimal("115.262500"),
    )
    Destination.objects.create(name="Santorini", country="Greece", description="Whitewashed villages above the caldera.")
    Destination.objects.create(name="Paris", city="Paris", country="France")

    beach = Trip.objects.create(
        user=alice,
        title="Summer beach getaway",
        description="Two weeks somewhere warm with great food.",
        destination=bali,
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 7, 14),
        budget=Decimal("4500.00"),
        status="destinations_selected",
        travelers_count=2,
    )
    Trip.objects.create(user=alice, title="Weekend city break", status="planning")
    bob_trip = Trip.objects.create(user=bob, title="Somewhere new", status="ai_chat_active", travelers_count=3)

    conv = TripConversation.objects.create(trip=beach)
    TripConversation.objects.create(trip=bob_trip)

    chat = [
        (True, "I want a beach vacation with luxury hotels."),
        (False, "Great! What's your budget for the trip?"),
        (True, "About $4500 for two people, in July, for two weeks."),
        (False, "Here are three destinations that fit: Bali, the Maldives and Santorini."),
    ]
    for i, (is_user, content) in enumerate(chat):
        msg = Message.objects.create(conversation=conv, is_user=is_user, content=content)
        # auto_now_add ignores explicit values on create; spread the chat over a few minutes.
        Message.objects.filter(pk=msg.pk).update(timestamp=base + datetime.timedelta(minutes=2 * i))

    Recommendations.objects.create(conversation=conv, locations=RECOMMENDED_LOCATIONS)
    ConversationState.objects.create(
        conversation=conv,
        current_stage="destinations_complete",
        user_info="I want a beach vacation with luxury hotels. Budget is $4500. July. 14 days.",
        question_queue=["Do you prefer a resort or a boutique hotel?"],
        current_question_index=2,
        destinations_text="1. Bali, Indonesia\n2. Maldives\n3. Santorini, Greece",
        questions_asked=2,
        total_questions=3,
    )
    PlanningSession.objects.create(
        trip=beach,
        current_stage="accommodation",
        session_data={"selected_destination": "Bali", "budget_breakdown": {"hotel": 2500, "flights": 1500}},
        stages_completed=["destination"],
    )


def row_counts():
    counts = {}
    with connection.cursor() as cur:
        for table in sorted(connection.introspection.table_names(cur)):
            cur.execute("SELECT count(*) FROM %s" % connection.ops.quote_name(table))
            counts[table] = cur.fetchone()[0]
    return counts


def main():
    call_command("migrate", interactive=False, verbosity=0)
    if User.objects.exists():
        sys.exit("make_seed_db.py: database %r already has users; use a fresh database"
                 % connection.settings_dict["NAME"])
    with transaction.atomic():
        seed()
    json.dump(row_counts(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
