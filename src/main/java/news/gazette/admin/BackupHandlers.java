package news.gazette.admin;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import news.gazette.backup.OnlineBackup;
import news.gazette.backup.SiteExport;

/** Downloads of the whole site for administrators: the portable export and the online backup of the store. */
public final class BackupHandlers {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SiteExport export;
    private final OnlineBackup backup;
    private final Clock clock;

    public BackupHandlers(SiteExport export, OnlineBackup backup, Clock clock) {
        this.export = export;
        this.backup = backup;
        this.clock = clock;
    }

    public void export(Context ctx) throws IOException {
        AdminAuth.requireAdministrator(ctx);
        Instant now = clock.instant();
        download(ctx, "gazette-export-" + stamp(now) + ".zip", out -> export.write(out, now));
    }

    public void backup(Context ctx) throws IOException {
        AdminAuth.requireAdministrator(ctx);
        if (!backup.isAvailable()) {
            throw new BadRequestResponse();
        }
        download(ctx, "gazette-backup-" + stamp(clock.instant()) + ".zip", backup::write);
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void download(Context ctx, String filename, Body body) throws IOException {
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        try (OutputStream out = ctx.outputStream()) {
            body.write(out);
        }
    }

    private static String stamp(Instant now) {
        return STAMP.format(now.atOffset(ZoneOffset.UTC));
    }
}
