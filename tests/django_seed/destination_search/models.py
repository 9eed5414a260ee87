# SPDX-License-Identifier: GPL-3.0-or-later
"""Models of the seed system's `destination_search` app, as listed in its schema document."""
from django.db import models

from api.models import Trip


class TripConversation(models.Model):
    trip = models.OneToOneField(Trip, on_delete=models.CASCADE, related_name="destination_conversation")
    created_at = models.DateTimeField(auto_now_add=True)


class Message(models.Model):
    conversation = models.ForeignKey(TripConversation, on_delete=models.CASCADE, related_name="messages")
    is_user = models.BooleanField()  # True = user, False = AI
    content = models.TextField()
    timestamp = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["timestamp"]


class Recommendations(models.Model):
    conversation = models.ForeignKey(TripConversation, on_delete=models.CASCADE, related_name="recommendations")
    locations = models.JSONField()  # List of 3 destination dicts
    created_at = models.DateTimeField(auto_now_add=True)


class ConversationState(models.Model):
    conversation = models.OneToOneField(TripConversation, on_delete=models.CASCADE, related_name="state")

    WORKFLOW_STAGES = [
        ("initial", "Getting Initial Preferences"),
        ("generating_questions", "Generating Clarifying Questions"),
        ("asking_clarifications", "Asking Clarification Questions"),
        ("generating_destinations", "Generating Destination Recommendations"),
        ("destinations_complete", "Destinations Generated"),
        ("commitment_detected", "User Committed to Destination"),
    ]
    current_stage = models.CharField(max_length=50, choices=WORKFLOW_STAGES, default="initial")

    # LangGraph state persistence
    user_info = models.TextField(default="")
    question_queue = models.JSONField(default=list)
    current_question_index = models.IntegerField(default=0)
    destinations_text = models.TextField(blank=True, default="")

    # Metadata
    questions_asked = models.IntegerField(default=0)
    total_questions = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
