/**
 * Roster import (roster-fn): a school's pupils, classes, teachers and parents from the Excel or CSV
 * files schools already hold, with a dry run, a chunked and resumable import job, and the sign-in
 * accounts (Cognito in AWS, the dev issuer locally). Its own artifact: POI, libphonenumber and the
 * Cognito client ride only here.
 */
package vn.lienlac.functions.roster;
