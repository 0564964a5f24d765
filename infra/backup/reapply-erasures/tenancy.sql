-- tenancy: users' data keys (their display names). There is no user erasure yet (decision 53): nothing records
-- one, so nothing is deleted. This statement matches no row by construction; when users can be erased, it becomes
-- a DELETE of their keys, like staff.sql.
DELETE FROM tenancy.data_keys WHERE false;
