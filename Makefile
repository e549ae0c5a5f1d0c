# Entry point for `sam build` (template.yaml: Metadata BuildMethod makefile, CodeUri .).
# SAM calls `make build-<LogicalId>` with ARTIFACTS_DIR set; the Lambda Java runtime puts
# lib/*.jar on the class path. One artifact per deployable, so that heavy dependencies ride only
# where they are used:
#   functions      the API functions (lean: no firebase, gRPC, Netty, Apache HttpClient, POI, PDFBox)
#   payments       payments-fn (+ PDFBox, POI, ZXing)
#   push-dispatch  push-dispatch-fn (+ firebase-admin, slimmed)
#   record-book    record-book-fn (+ PDFBox and the embedded font, through the documents library)
#   roster         roster-fn and roster-import-worker-fn (+ POI, commons-csv, libphonenumber, Cognito)
#   privacy        data-rights-fn and export-worker-fn (+ PDFBox and the font through documents, the S3 client)
# Convention (read by the Lambda emulation harness and the artifact test): a variable <NAME>_JAR
# names each shaded jar; each build-<LogicalId> rule copies exactly one of them.
FUNCTIONS_JAR = functions/target/lienlac-functions-0.1.0-SNAPSHOT-lambda.jar
PAYMENTS_JAR = payments/target/lienlac-payments-0.1.0-SNAPSHOT-lambda.jar
PUSH_JAR = push-dispatch/target/lienlac-push-dispatch-0.1.0-SNAPSHOT-lambda.jar
RECORDBOOK_JAR = record-book/target/lienlac-record-book-0.1.0-SNAPSHOT-lambda.jar
ROSTER_JAR = roster/target/lienlac-roster-0.1.0-SNAPSHOT-lambda.jar
PRIVACY_JAR = privacy/target/lienlac-privacy-0.1.0-SNAPSHOT-lambda.jar

.PHONY: functions-jar payments-jar push-jar record-book-jar roster-jar build-IdentityFunction build-RecordsFunction build-MessagingFunction build-AnnouncementsFunction build-PushDispatchFunction build-PaymentsFunction build-PaymentsReconcilerFunction build-RecordBookFunction build-RosterFunction build-RosterImportWorkerFunction privacy-jar build-DataRightsFunction build-ExportWorkerFunction

functions-jar:
	./lienlac mvn -q -pl functions -am -DskipTests package

payments-jar:
	./lienlac mvn -q -pl payments -am -DskipTests package

push-jar:
	./lienlac mvn -q -pl push-dispatch -am -DskipTests package

build-IdentityFunction build-RecordsFunction build-MessagingFunction build-AnnouncementsFunction: functions-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(FUNCTIONS_JAR) "$(ARTIFACTS_DIR)/lib/"

# Push: the dispatcher's own artifact (firebase-admin, slimmed, rides only here).
build-PushDispatchFunction: push-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PUSH_JAR) "$(ARTIFACTS_DIR)/lib/"

# Payments: its own artifact (PDFBox, POI, ZXing ride only here).
build-PaymentsFunction build-PaymentsReconcilerFunction: payments-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PAYMENTS_JAR) "$(ARTIFACTS_DIR)/lib/"

# Record book (học bạ PDF): its own artifact (PDFBox and the font ride only here and in payments).
record-book-jar:
	./lienlac mvn -q -pl record-book -am -DskipTests package

build-RecordBookFunction: record-book-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(RECORDBOOK_JAR) "$(ARTIFACTS_DIR)/lib/"
roster-jar:
	./lienlac mvn -q -pl roster -am -DskipTests package

# Roster import: its own artifact (POI, commons-csv, libphonenumber, the Cognito client ride only here).
build-RosterFunction build-RosterImportWorkerFunction: roster-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(ROSTER_JAR) "$(ARTIFACTS_DIR)/lib/"

# Privacy (issue 18): the family's rights, export and erasure. Its own artifact (PDFBox, the font and the S3 client
# ride only here).
privacy-jar:
	./lienlac mvn -q -pl privacy -am -DskipTests package

build-DataRightsFunction build-ExportWorkerFunction: privacy-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(PRIVACY_JAR) "$(ARTIFACTS_DIR)/lib/"
# Privacy (issue 18): notice and consent routes, in the functions jar.
.PHONY: build-PrivacyFunction
build-PrivacyFunction: functions-jar
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(FUNCTIONS_JAR) "$(ARTIFACTS_DIR)/lib/"
