package id.laporwarga.local.web;

import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.local.e2e.SharedDevStack;
import id.laporwarga.local.privacy.StackHttp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page budget: the first load of each page (empty cache, no service worker) transfers at most 150 KB compressed
 * (gzip), HTML, CSS, JavaScript, Leaflet with its map shown, images and the API answers the page asks for included;
 * map tiles excluded (the tests' stack has no tile server). Measured in the browser with the Resource Timing API ({@code transferSize}:
 * bytes on the wire, headers included); each page's figure is printed.
 */
@Tag("emulator")
@Timeout(180)
@ExtendWith(SharedDevStack.class)
class PageBudgetIT {
    static final long BUDGET_BYTES = 150 * 1024;
    static final String PERIOD = YearMonth.now(ZoneId.of("Asia/Makassar")).toString();

    /** A page, what makes it load all it can (its map included), and the person signed in first, if any. */
    record Page(String path, String loadedWhen, String role, String area) {
    }

    static final List<Page> PAGES = List.of(
            new Page("/", "a[href='/lapor.html']", null, null),
            new Page("/lapor.html", "#map .leaflet-marker-icon", null, null),
            new Page("/lacak.html", "#track-form", null, null),
            new Page("/publik.html?periode=" + PERIOD, "#area-map[data-areas]", null, null),
            new Page("/masuk.html", "#local-form", null, null),
            new Page("/rt.html", "#map .leaflet-marker-icon", "RT_HEAD", "71.74.02.1008-RT001"),
            new Page("/petugas.html", "#stats-table tbody tr", "CITY_ADMIN", null));

    @BeforeAll
    static void browserPresent() {
        Browser.requireChromium();
    }

    @Test
    void everyPagesFirstLoadIsWithinTheBudget() throws InterruptedException {
        try (Browser browser = Browser.open(local().baseUrl(), "budget")) {
            // scores of this month, so the public page draws its map
            new StackHttp(local()).scoreNow(PERIOD);
            for (Page page : PAGES) {
                if (page.role() != null) {
                    WebAppIT.signIn(browser, page.role(), page.area(), page.path());
                }
                browser.cdp("Network.enable", Map.of());
                browser.cdp("Network.setBypassServiceWorker", Map.of("bypass", true));
                browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                browser.cdp("Network.clearBrowserCache", Map.of());
                browser.go(page.path()).locatedAt(WebAppIT.KOBO_BESAR);
                if (!browser.all("#use-location").isEmpty()) {
                    browser.click("#use-location"); // the location's map (Leaflet) is part of the page
                }
                browser.visible(page.loadedWhen());
                Thread.sleep(500);
                long bytes = ((Number) browser.js("""
                        const entries = [...performance.getEntriesByType('navigation'),
                                         ...performance.getEntriesByType('resource')];
                        return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);""")).longValue();
                long requests = ((Number) browser.js(
                        "return performance.getEntriesByType('resource').length + 1")).longValue();
                System.out.printf("figure: first load of %s = %.1f KB compressed (%d requests; budget %d KB)%n",
                        page.path(), bytes / 1024.0, requests, BUDGET_BYTES / 1024);
                assertTrue(bytes > 1000, page.path() + " measured nothing: " + bytes);
                assertTrue(bytes <= BUDGET_BYTES, page.path() + " first load " + bytes + " bytes > " + BUDGET_BYTES);
            }
        }
    }
}
