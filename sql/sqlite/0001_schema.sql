-- Trip Planner schema for the embedded SQLite database: the seed's tables and
-- columns under the seed's names, with its rules enforced by the database.
-- SQLite has no exact decimal type: NUMERIC columns are declared text and hold
-- canonical decimal strings ("1234.50"), written and checked by the app.
-- Timestamps are UTC text "YYYY-MM-DDTHH:MM:SS.sssZ"; dates "YYYY-MM-DD";
-- booleans 0/1; JSON is text checked with json_valid().

CREATE TABLE auth_user (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    password varchar(128) NOT NULL,
    last_login text NULL,
    is_superuser integer NOT NULL CHECK (is_superuser IN (0, 1)),
    username varchar(150) NOT NULL UNIQUE,
    first_name varchar(150) NOT NULL,
    last_name varchar(150) NOT NULL,
    email varchar(254) NOT NULL,
    is_staff integer NOT NULL CHECK (is_staff IN (0, 1)),
    is_active integer NOT NULL CHECK (is_active IN (0, 1)),
    date_joined text NOT NULL
);

CREATE TABLE api_userpreferences (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    preferences_text text NOT NULL,
    budget_min text NULL CHECK (budget_min IS NULL OR CAST(budget_min AS REAL) >= 0),
    budget_max text NULL CHECK (budget_max IS NULL OR CAST(budget_max AS REAL) >= 0),
    preferred_group_size integer NOT NULL CHECK (preferred_group_size >= 0),
    created_at text NOT NULL,
    updated_at text NOT NULL,
    user_id integer NOT NULL UNIQUE REFERENCES auth_user (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE api_destination (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    name varchar(200) NOT NULL CHECK (length(trim(name)) > 0),
    city varchar(100) NULL,
    country varchar(100) NOT NULL CHECK (length(trim(country)) > 0),
    description text NULL,
    best_time_to_visit varchar(200) NULL,
    average_cost_per_day text NULL CHECK (average_cost_per_day IS NULL OR CAST(average_cost_per_day AS REAL) >= 0),
    latitude text NULL CHECK (latitude IS NULL OR CAST(latitude AS REAL) BETWEEN -90 AND 90),
    longitude text NULL CHECK (longitude IS NULL OR CAST(longitude AS REAL) BETWEEN -180 AND 180),
    created_at text NOT NULL,
    updated_at text NOT NULL,
    CONSTRAINT api_destination_name_country_uniq UNIQUE (name, country)
);

CREATE TABLE api_trip (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    title varchar(200) NOT NULL CHECK (length(trim(title)) > 0),
    description text NULL,
    start_date text NULL,
    end_date text NULL,
    budget text NULL CHECK (budget IS NULL OR CAST(budget AS REAL) BETWEEN 0 AND 99999999.99),
    status varchar(21) NOT NULL CHECK (status IN ('planning', 'ai_chat_active', 'destinations_selected',
        'hotels_selected', 'flights_selected', 'activities_planned', 'itinerary_complete', 'booked',
        'completed', 'cancelled')),
    travelers_count integer NOT NULL CHECK (travelers_count >= 0),
    created_at text NOT NULL,
    updated_at text NOT NULL,
    destination_id integer NULL REFERENCES api_destination (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    user_id integer NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX api_trip_user_id ON api_trip (user_id);
CREATE INDEX api_trip_destination_id ON api_trip (destination_id);
CREATE INDEX api_trip_user_status_idx ON api_trip (user_id, status);
CREATE INDEX api_trip_dates_idx ON api_trip (start_date, end_date);
CREATE INDEX api_trip_user_created_idx ON api_trip (user_id, created_at DESC, id DESC);

CREATE TABLE api_planningsession (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    current_stage varchar(20) NOT NULL CHECK (current_stage IN ('destination', 'accommodation', 'flights',
        'activities', 'itinerary', 'finalization', 'completed')),
    is_active integer NOT NULL CHECK (is_active IN (0, 1)),
    session_data text NOT NULL CHECK (json_valid(session_data)),
    stages_completed text NOT NULL CHECK (json_valid(stages_completed)),
    started_at text NOT NULL,
    last_interaction_at text NOT NULL,
    completed_at text NULL,
    trip_id integer NOT NULL REFERENCES api_trip (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX api_planningsession_trip_id ON api_planningsession (trip_id);
CREATE UNIQUE INDEX unique_active_session_per_trip ON api_planningsession (trip_id)
    WHERE NOT (current_stage = 'completed');

CREATE TABLE destination_search_tripconversation (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    created_at text NOT NULL,
    trip_id integer NOT NULL UNIQUE REFERENCES api_trip (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE destination_search_message (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    is_user integer NOT NULL CHECK (is_user IN (0, 1)),
    content text NOT NULL,
    timestamp text NOT NULL,
    conversation_id integer NOT NULL REFERENCES destination_search_tripconversation (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX destination_search_message_conversation_timestamp_idx
    ON destination_search_message (conversation_id, timestamp, id);

CREATE TABLE destination_search_recommendations (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    locations text NOT NULL CHECK (json_valid(locations)),
    created_at text NOT NULL,
    conversation_id integer NOT NULL REFERENCES destination_search_tripconversation (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX destination_search_recommendations_conversation_idx
    ON destination_search_recommendations (conversation_id, created_at, id);

CREATE TABLE destination_search_conversationstate (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    current_stage varchar(50) NOT NULL CHECK (current_stage IN ('initial', 'generating_questions',
        'asking_clarifications', 'generating_destinations', 'destinations_complete', 'commitment_detected')),
    user_info text NOT NULL,
    question_queue text NOT NULL CHECK (json_valid(question_queue)),
    current_question_index integer NOT NULL,
    destinations_text text NOT NULL,
    questions_asked integer NOT NULL,
    total_questions integer NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    conversation_id integer NOT NULL UNIQUE REFERENCES destination_search_tripconversation (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- Destination search: an external-content FTS5 index kept in step by triggers.
CREATE VIRTUAL TABLE api_destination_fts USING fts5(
    name, city, country, description,
    content = 'api_destination', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER api_destination_fts_insert AFTER INSERT ON api_destination BEGIN
    INSERT INTO api_destination_fts (rowid, name, city, country, description)
    VALUES (new.id, new.name, new.city, new.country, new.description);
END;

CREATE TRIGGER api_destination_fts_delete AFTER DELETE ON api_destination BEGIN
    INSERT INTO api_destination_fts (api_destination_fts, rowid, name, city, country, description)
    VALUES ('delete', old.id, old.name, old.city, old.country, old.description);
END;

CREATE TRIGGER api_destination_fts_update AFTER UPDATE ON api_destination BEGIN
    INSERT INTO api_destination_fts (api_destination_fts, rowid, name, city, country, description)
    VALUES ('delete', old.id, old.name, old.city, old.country, old.description);
    INSERT INTO api_destination_fts (rowid, name, city, country, description)
    VALUES (new.id, new.name, new.city, new.country, new.description);
END;
