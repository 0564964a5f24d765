-- contracts: a customer erased in customers (its consumer records it; the event covers a consumer that lagged).
DELETE FROM contracts.data_keys k
 WHERE EXISTS (SELECT 1 FROM contracts.erased_customers x WHERE x.customer_id = k.customer_id)
    OR EXISTS (SELECT 1 FROM customers.events e
                WHERE e.type = 'CustomerErased' AND e.data->>'customerId' = k.customer_id::text);
