-- tenancy: users' data keys (their display names). An erasure is a `UserErased` event of the tenant's stream.
DELETE FROM tenancy.data_keys k USING tenancy.events e
 WHERE e.type = 'UserErased' AND e.data->>'userId' = k.user_id::text;
