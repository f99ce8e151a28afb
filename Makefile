# The two commands: `make run` serves the app on http://127.0.0.1:8080, `make test` runs
# every test. Both install what is missing and start their own PostgreSQL when needed.
.PHONY: run test bench faults build migrate schema format db-stop clean

run:
	@scripts/run

test:
	@scripts/test

# How fast each page is, against its own SQL under pgbench (see scripts/bench.py).
bench:
	@. scripts/swift-env && /usr/bin/python3 scripts/bench.py

# The server under faults: concurrent updates, SIGKILL, a PostgreSQL restart, hostile input.
faults:
	@scripts/deps test && . scripts/swift-env && swift build --product pledgetrack && /usr/bin/python3 scripts/faults.py

build:
	. scripts/swift-env && swift build

# Apply migrations to $$DATABASE_URL (or libpq's PG* variables).
migrate: build
	. scripts/swift-env && "$$(swift build --show-bin-path)/pledgetrack" migrate

# Rewrite Migrations/schema.sql (the schema after the last migration) from a scratch cluster.
schema: build
	@scripts/schema-write

# Format the Swift code with the toolchain's swift-format (settings in .swift-format).
format:
	. scripts/swift-env && swift format format --in-place --recursive --parallel Sources Tests Package.swift

# Stop `make run`'s private PostgreSQL if it was left running.
db-stop:
	@scripts/pg-cluster stop "$$(scripts/local-cluster-dir)"

clean: db-stop
	rm -rf .build .local
