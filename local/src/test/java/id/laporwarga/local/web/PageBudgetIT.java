package id.laporwarga.local.web;

import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.local.e2e.SharedDevStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page budget: the first load of each page (empty cache, no service worker) transfers at most 150 KB compressed
 * (gzip), HTML, CSS, JavaScript, Leaflet, images and the API answers the page asks for included; map tiles excluded
 * (the tests' stack has no tile server). Measured in the browser with the Resource Timing API ({@code transferSize}:
 * bytes on the wire, headers included); each page's figure is printed.
 */
@Tag("emulator")
@Timeout(180)
@ExtendWith(SharedDevStack.class)
class PageBudgetIT {
    static final long BUDGET_BYTES = 150 * 1024;
    /** Page, and whether it needs a signed-in person first (role, area). */
    static final List<List<String>> PAGES = List.of(List.of("/"), List.of("/lapor.html"), List.of("/lacak.html"),
            List.of("/publik.html"), List.of("/masuk.html"),
            List.of("/rt.html", "RT_HEAD", "71.74.02.1008-RT001"), List.of("/petugas.html", "CITY_ADMIN", ""));

    @BeforeAll
    static void browserPresent() {
        Browser.requireChromium();
    }

    @Test
    void everyPagesFirstLoadIsWithinTheBudget() throws InterruptedException {
        try (Browser browser = Browser.open(local().baseUrl(), "budget")) {
            for (List<String> page : PAGES) {
                if (page.size() > 1) {
                    WebAppIT.signIn(browser, page.get(1), page.get(2).isEmpty() ? null : page.get(2), page.get(0));
                }
                browser.cdp("Network.enable", Map.of());
                browser.cdp("Network.setBypassServiceWorker", Map.of("bypass", true));
                browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                browser.cdp("Network.clearBrowserCache", Map.of());
                browser.go(page.get(0));
                Thread.sleep(1500); // the page's own API calls and Leaflet
                long bytes = ((Number) browser.js("""
                        const entries = [...performance.getEntriesByType('navigation'),
                                         ...performance.getEntriesByType('resource')];
                        return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);""")).longValue();
                long requests = ((Number) browser.js(
                        "return performance.getEntriesByType('resource').length + 1")).longValue();
                System.out.printf("figure: first load of %s = %.1f KB compressed (%d requests; budget %d KB)%n",
                        page.get(0), bytes / 1024.0, requests, BUDGET_BYTES / 1024);
                assertTrue(bytes > 1000, page.get(0) + " measured nothing: " + bytes);
                assertTrue(bytes <= BUDGET_BYTES, page.get(0) + " first load " + bytes + " bytes > " + BUDGET_BYTES);
            }
        }
    }
}
