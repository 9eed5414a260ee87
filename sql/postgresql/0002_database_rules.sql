-- The seed's rules, enforced by the database whatever created it.
--
-- Django creates its foreign keys with no ON DELETE action (DEFERRABLE
-- INITIALLY DEFERRED) and cascades in Python. This migration replaces each of
-- them, found by table and column so that it works on a database the Django
-- app created (whose constraint names carry hashes) as well as on one this app
-- created, with the same constraint plus the seed's on_delete action. Django's
-- own deletes keep working: it removes the children before the parent.

DO $$
DECLARE
    spec text[];
    specs text[] := ARRAY[
        ['api_userpreferences', 'user_id', 'auth_user', 'CASCADE'],
        ['api_trip', 'user_id', 'auth_user', 'CASCADE'],
        ['api_trip', 'destination_id', 'api_destination', 'SET NULL'],
        ['api_planningsession', 'trip_id', 'api_trip', 'CASCADE'],
        ['destination_search_tripconversation', 'trip_id', 'api_trip', 'CASCADE'],
        ['destination_search_message', 'conversation_id', 'destination_search_tripconversation', 'CASCADE'],
        ['destination_search_recommendations', 'conversation_id', 'destination_search_tripconversation', 'CASCADE'],
        ['destination_search_conversationstate', 'conversation_id', 'destination_search_tripconversation', 'CASCADE'],
        ['auth_user_groups', 'user_id', 'auth_user', 'CASCADE'],
        ['auth_user_user_permissions', 'user_id', 'auth_user', 'CASCADE'],
        ['django_admin_log', 'user_id', 'auth_user', 'CASCADE']
    ];
    old record;
BEGIN
    FOREACH spec SLICE 1 IN ARRAY specs LOOP
        IF to_regclass(quote_ident(spec[1])) IS NULL THEN
            CONTINUE; -- a Django contrib app that this database does not have
        END IF;
        FOR old IN
            SELECT c.conname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f'
              AND c.conrelid = to_regclass(quote_ident(spec[1]))
              AND array_length(c.conkey, 1) = 1
              AND a.attname = spec[2]
        LOOP
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', spec[1], old.conname);
        END LOOP;
        EXECUTE format(
            'ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (%I) REFERENCES %I (id) ON DELETE %s '
            'DEFERRABLE INITIALLY DEFERRED',
            spec[1], left(spec[1] || '_' || spec[2] || '_fk', 63), spec[2], spec[3], spec[4]);
    END LOOP;
END
$$;

-- At most one non-completed planning session per trip (Django creates it as a
-- partial unique index of this name; a database made without it gets it here).
-- (Checked first rather than IF NOT EXISTS, which would print a notice.)
DO $$
BEGIN
    IF to_regclass('unique_active_session_per_trip') IS NULL THEN
        CREATE UNIQUE INDEX unique_active_session_per_trip
            ON api_planningsession (trip_id) WHERE NOT (current_stage = 'completed');
    END IF;
END
$$;

-- Choices and ranges the Django models declare, checked for new rows. NOT VALID
-- leaves rows the web app wrote earlier alone.
ALTER TABLE api_trip ADD CONSTRAINT api_trip_status_choice CHECK (status IN ('planning', 'ai_chat_active',
    'destinations_selected', 'hotels_selected', 'flights_selected', 'activities_planned', 'itinerary_complete',
    'booked', 'completed', 'cancelled')) NOT VALID;
ALTER TABLE api_trip ADD CONSTRAINT api_trip_dates_ordered
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date) NOT VALID;
ALTER TABLE api_trip ADD CONSTRAINT api_trip_budget_not_negative CHECK (budget >= 0) NOT VALID;
ALTER TABLE api_planningsession ADD CONSTRAINT api_planningsession_stage_choice CHECK (current_stage IN
    ('destination', 'accommodation', 'flights', 'activities', 'itinerary', 'finalization', 'completed')) NOT VALID;
ALTER TABLE destination_search_conversationstate ADD CONSTRAINT destination_search_conversationstate_stage_choice
    CHECK (current_stage IN ('initial', 'generating_questions', 'asking_clarifications', 'generating_destinations',
    'destinations_complete', 'commitment_detected')) NOT VALID;
ALTER TABLE api_destination ADD CONSTRAINT api_destination_coordinates_range
    CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180) NOT VALID;

-- The indexes the seed lists as future work.
CREATE INDEX IF NOT EXISTS api_trip_user_status_idx ON api_trip (user_id, status);
CREATE INDEX IF NOT EXISTS api_trip_dates_idx ON api_trip (start_date, end_date);
CREATE INDEX IF NOT EXISTS api_trip_user_created_idx ON api_trip (user_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS destination_search_message_conversation_timestamp_idx
    ON destination_search_message (conversation_id, "timestamp", id);
CREATE INDEX IF NOT EXISTS destination_search_recommendations_conversation_idx
    ON destination_search_recommendations (conversation_id, created_at, id);

-- Destination search over name, city, country and description: full text
-- always, and trigram matching for substrings when the server offers pg_trgm
-- (Neon and Debian's server do; a managed server without it still works, unindexed).
CREATE INDEX IF NOT EXISTS api_destination_fts_idx ON api_destination USING gin (
    to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(country, '')
        || ' ' || coalesce(description, '')));

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_trgm not installed (no privilege); destination search runs unindexed';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS api_destination_search_trgm_idx ON api_destination USING gin ('
             || '(coalesce(name, '''') || '' '' || coalesce(city, '''') || '' '' || coalesce(country, '''') '
             || '|| '' '' || coalesce(description, '''')) gin_trgm_ops)';
    END IF;
END
$$;
