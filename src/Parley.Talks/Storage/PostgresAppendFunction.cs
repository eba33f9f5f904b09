namespace Parley.Talks.Storage;

/// <summary>
/// One append as one server-side call, so a batch of appends is one round trip. It does what
/// <see cref="SqlLedger.AppendAsync"/> does, in the same order (create the stream row, lock it,
/// idempotency key, expected version, insert), but reports refusals as a status instead of raising, so
/// that one refused append does not abort the batch's transaction: 0 appended, 1 replayed (key seen with
/// the same request), 2 key reused for another request, 3 version conflict (first = last = actual version).
/// Replaced on every start (CREATE OR REPLACE), so a change here needs no migration.
/// </summary>
internal static class PostgresAppendFunction
{
    public const string Call = "SELECT r_status, r_first, r_last FROM parley_append($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    /// <summary>
    /// Every revocation (or removal) of a token, by any instance or by hand, is announced on <c>parley_tokens</c> with
    /// the token's hash, so instances may cache live tokens. Replaced on every start, like the append function.
    /// </summary>
    public const string TokenTrigger = """
        CREATE OR REPLACE FUNCTION parley_token_revoked() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('parley_tokens', OLD.hash);
            ELSIF NEW.revoked_at IS NOT NULL OR NEW.hash IS DISTINCT FROM OLD.hash THEN
                PERFORM pg_notify('parley_tokens', OLD.hash);
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS parley_token_revoked ON tokens;
        CREATE TRIGGER parley_token_revoked AFTER UPDATE OR DELETE ON tokens
            FOR EACH ROW EXECUTE FUNCTION parley_token_revoked();
        """;

    public const string Create = """
        CREATE OR REPLACE FUNCTION parley_append(
            p_id text, p_expected bigint, p_key text, p_hash text, p_actor text, p_at bigint, p_title text,
            p_data text[], p_notify text)
        RETURNS TABLE (r_status int, r_first bigint, r_last bigint)
        LANGUAGE plpgsql AS $fn$
        DECLARE
            v_actual bigint;
            v_hash text;
            v_first bigint;
            v_last bigint;
            v_count int := cardinality(p_data);
        BEGIN
            IF p_expected = 0 THEN
                INSERT INTO talks (id, title, created_at, version) VALUES (p_id, p_title, p_at, 0) ON CONFLICT (id) DO NOTHING;
            END IF;
            SELECT t.version INTO v_actual FROM talks t WHERE t.id = p_id FOR UPDATE;
            v_actual := COALESCE(v_actual, 0);
            IF p_key IS NOT NULL THEN
                SELECT i.request_hash, i.first_version, i.last_version INTO v_hash, v_first, v_last
                    FROM idempotency i WHERE i.talks_id = p_id AND i.key = p_key;
                IF FOUND THEN
                    IF v_hash = p_hash THEN
                        RETURN QUERY SELECT 1, v_first, v_last;
                    ELSE
                        RETURN QUERY SELECT 2, 0::bigint, 0::bigint;
                    END IF;
                    RETURN;
                END IF;
            END IF;
            IF v_actual <> p_expected THEN
                RETURN QUERY SELECT 3, v_actual, v_actual;
                RETURN;
            END IF;
            INSERT INTO events (talks_id, version, actor, at, data)
                SELECT p_id, v_actual + u.n, p_actor, p_at, u.d FROM unnest(p_data) WITH ORDINALITY AS u(d, n);
            UPDATE talks SET version = v_actual + v_count WHERE id = p_id;
            IF p_key IS NOT NULL THEN
                INSERT INTO idempotency (talks_id, key, request_hash, first_version, last_version)
                    VALUES (p_id, p_key, p_hash, v_actual + 1, v_actual + v_count);
            END IF;
            PERFORM pg_notify('parley_appends', p_notify);
            RETURN QUERY SELECT 0, v_actual + 1, v_actual + v_count;
        END
        $fn$
        """;
}
