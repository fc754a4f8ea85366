-- An extra migration location's table, for MigrationsTest.
CREATE TABLE extra_test_table (id integer PRIMARY KEY);
