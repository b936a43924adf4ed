package id.laporwarga.local.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.local.e2e.SharedDevStack;
import id.laporwarga.testkit.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./lapor-tenants import} against the running dev stack: the CLI uploads a real kab/kota boundary file
 * (Bolaang Mongondow Timur: 7 kecamatan, 81 desa; sample-data/boundaries) through the presigned boundary upload,
 * imports its code through the admin API, and the new tenant serves its public routes; a re-run changes nothing; an
 * unknown code fails that code only and the exit status says so.
 */
@ExtendWith(SharedDevStack.class)
class TenantImportCliIT {
    private static final Path FILE = RepositoryFiles.resolve("sample-data/boundaries/bolaang-mongondow-timur.geojson");
    private static final String TENANT = "bolaang-mongondow-timur";

    @Test
    void importsAKabupatenOnceAndARerunChangesNothing() throws Exception {
        String api = SharedDevStack.local().baseUrl();
        assertEquals(404, get(api + "/v1/tenants/" + TENANT + "/categories"), "not onboarded before the import");

        Run first = run("import", FILE.toString(), "--codes", "71.10", "--api", api);
        assertEquals(0, first.status(), first.output());
        assertTrue(first.output().matches("(?s).*\\[1/1] 71\\.10 created\\s+" + TENANT
                + "\\s+\\(Kabupaten Bolaang Mongondow Timur, 7 kecamatan, 81 desa/kelurahan\\).*"), first.output());
        assertTrue(first.output().contains("done: 1 kab/kota, 0 failed"), first.output());
        assertEquals(200, get(api + "/v1/tenants/" + TENANT + "/categories"), "the imported tenant serves its picker");

        Run again = run("import", FILE.toString(), "--codes", "71.10", "--api", api);
        assertEquals(0, again.status(), again.output());
        assertTrue(again.output().matches("(?s).*\\[1/1] 71\\.10 unchanged\\s+" + TENANT + ".*"), again.output());

        Run unknown = run("import", FILE.toString(), "--codes", "71.99", "--api", api, "--lang", "en");
        assertEquals(1, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("[1/1] 71.99 failed"), unknown.output());
        assertTrue(unknown.output().contains("done: 1 kab/kota, 1 failed"), unknown.output());
    }

    @Test
    void refusesAMissingFileOrNoCodesWithUsage() throws Exception {
        Run noCodes = run("import", FILE.toString());
        assertEquals(2, noCodes.status(), noCodes.output());
        assertTrue(noCodes.output().contains("--codes"), noCodes.output());
        assertEquals(2, run("list").status());
    }

    private record Run(int status, String output) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = TenantImportCli.run(args, out);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
