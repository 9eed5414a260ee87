# SPDX-License-Identifier: GPL-3.0-or-later
"""Models of the seed system's `api` app, as listed in its schema document."""
from django.contrib.auth.models import User
from django.db import models


class UserPreferences(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="preferences")

    # AI-discovered preferences
    preferences_text = models.TextField(blank=True)

    # Optional structured data (future use)
    budget_min = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    budget_max = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    preferred_group_size = models.PositiveIntegerField(default=2)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)


class Destination(models.Model):
    name = models.CharField(max_length=200)
    city = models.CharField(max_length=100, null=True, blank=True)
    country = models.CharField(max_length=100)
    description = models.TextField(null=True, blank=True)

    # Travel info
    best_time_to_visit = models.CharField(max_length=200, null=True, blank=True)
    average_cost_per_day = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    # Geographic coordinates
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = ["name", "country"]


class Trip(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="trips")
    title = models.CharField(max_length=200)
    description = models.TextField(null=True, blank=True)

    destination = models.ForeignKey(Destination, on_delete=models.SET_NULL, null=True, blank=True)

    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    budget = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    STATUS_CHOICES = [
        ("planning", "Planning"),
        ("ai_chat_active", "AI Chat Active"),
        ("destinations_selected", "Destination Selected"),
        ("hotels_selected", "Hotels Selected"),
        ("flights_selected", "Flights Selected"),
        ("activities_planned", "Activities Planned"),
        ("itinerary_complete", "Itinerary Complete"),
        ("booked", "Booked"),
        ("completed", "Completed"),
        ("cancelled", "Cancelled"),
    ]
    status = models.CharField(max_length=21, choices=STATUS_CHOICES, default="planning")

    travelers_count = models.PositiveIntegerField(default=1)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]


class PlanningSession(models.Model):
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="planning_sessions")

    PLANNING_STAGES = [
        ("destination", "Destination Selection"),
        ("accommodation", "Hotel/Accommodation Planning"),
        ("flights", "Flight Planning"),
        ("activities", "Activity Planning"),
        ("itinerary", "Itinerary Building"),
        ("finalization", "Final Review"),
        ("completed", "Planning Completed"),
    ]
    current_stage = models.CharField(max_length=20, choices=PLANNING_STAGES, default="destination")

    is_active = models.BooleanField(default=True)
    session_data = models.JSONField(default=dict, blank=True)
    stages_completed = models.JSONField(default=list, blank=True)

    started_at = models.DateTimeField(auto_now_add=True)
    last_interaction_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_interaction_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trip"],
                condition=~models.Q(current_stage="completed"),
                name="unique_active_session_per_trip",
            )
        ]
