-- orders: likewise, from the customers it knows as erased.
DELETE FROM orders.data_keys k
 WHERE EXISTS (SELECT 1 FROM orders.known_customers x WHERE x.customer_id = k.customer_id AND x.status = 'erased')
    OR EXISTS (SELECT 1 FROM customers.events e
                WHERE e.type = 'CustomerErased' AND e.data->>'customerId' = k.customer_id::text);
