-- customers: the erasure is an event of the customer's own stream.
DELETE FROM customers.data_keys k USING customers.events e
 WHERE e.type = 'CustomerErased' AND e.data->>'customerId' = k.customer_id::text;
-- The blind index must not find anyone whose key is gone.
DELETE FROM customers.customer_fingerprints f
 WHERE NOT EXISTS (SELECT 1 FROM customers.data_keys k WHERE k.customer_id = f.customer_id);
