# Entry point for `sam build` (template.yaml: Metadata BuildMethod makefile, CodeUri .).
# SAM calls `make build-<LogicalId>` with ARTIFACTS_DIR set; every API function ships the same
# shaded jar, and the Lambda Java runtime puts lib/*.jar on the class path.
FUNCTIONS_JAR = functions/target/lienlac-functions-0.1.0-SNAPSHOT-lambda.jar

.PHONY: functions-jar build-IdentityFunction build-RecordsFunction

functions-jar:
	./lienlac mvn -q -pl functions -am -DskipTests package

build-IdentityFunction build-RecordsFunction: functions-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(FUNCTIONS_JAR) "$(ARTIFACTS_DIR)/lib/"
