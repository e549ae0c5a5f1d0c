package vn.lienlac.model.privacy;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A person's data export (issue 18): {@code POST /v1/me/export} queues it, the export worker builds one
 * archive (export.json and export.pdf), {@code GET /v1/me/exports/{exportId}} reports it and, the first
 * time it finds it READY, hands out the one download link.
 *
 * @param status        QUEUED, RUNNING, READY, DOWNLOADED (the link was handed out), EXPIRED (ready but not
 *                      fetched within a day: the archive is gone), FAILED
 * @param downloadUrl   only in the one answer that hands the link out (status READY); null otherwise
 * @param linkExpiresAt when that link stops working
 * @param nextExportAt  when this person may request a new export (one an hour)
 */
public record ExportJob(String id, Status status, OffsetDateTime requestedAt, OffsetDateTime readyAt,
    OffsetDateTime downloadedAt, URI downloadUrl, OffsetDateTime linkExpiresAt, OffsetDateTime nextExportAt) {

  public enum Status { QUEUED, RUNNING, READY, DOWNLOADED, EXPIRED, FAILED }
}
