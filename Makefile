# Build targets for `sam build` (Metadata: BuildMethod: makefile).
# SAM copies CodeUri (the repository root) and calls `make build-<LogicalId>` with ARTIFACTS_DIR set. Each target
# builds one function module with the Maven reactor (so sibling modules such as domain/ and platform/ are found) and
# lays out the Lambda package: every jar in $(ARTIFACTS_DIR)/lib, which the Java runtime puts on the classpath.

MVN ?= mvn
MVN_FLAGS ?= -q -B -DskipTests

define lambda_package
	$(MVN) $(MVN_FLAGS) -pl functions/$(1) -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/$(1).jar functions/$(1)/target/lambda/lib/*.jar "$(ARTIFACTS_DIR)/lib/"
endef

build-SubmitReportFunction:
	$(call lambda_package,submit-report)

build-TenantAdminFunction:
	$(call lambda_package,tenant-admin)

build-RosterAdminFunction:
	$(call lambda_package,rt-roster)

build-VerifyGeotagFunction:
	$(call lambda_package,verify-geotag)

build-RouteToAgencyFunction:
	$(call lambda_package,route-to-agency)

build-AdminStatsFunction:
	$(call lambda_package,route-to-agency)

build-OutboxRelayFunction:
	$(call lambda_package,route-to-agency)

build-StepAlertFunction:
	$(call lambda_package,route-to-agency)

build-ReviewStepFunction:
	$(call lambda_package,review-step)

build-ReporterActionsFunction:
	$(call lambda_package,review-step)

build-EscalationFunction:
	$(call lambda_package,review-step)

build-CitizenNoticeFunction:
	$(call lambda_package,citizen-notice)

build-ScoreRtFunction:
	$(call lambda_package,score-rt)

build-PublicPerformanceFunction:
	$(call lambda_package,score-rt)

build-ExportFunction:
	$(call lambda_package,score-rt)

build-TenantJobsFunction:
	$(call lambda_package,tenant-jobs)

.PHONY: test local
test:
	$(MVN) -B verify

local:
	./lapor-local
