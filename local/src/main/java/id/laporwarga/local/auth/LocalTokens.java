package id.laporwarga.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: an RSA key made at start-up signs ID-token-like JWTs (RS256) with the
 * claims the functions read ({@code sub}, {@code custom:role}, {@code custom:tenant}, {@code custom:area}), and
 * verifies them as the HTTP API JWT authorizer does: signature, issuer, audience, expiry (and not-before).
 */
public final class LocalTokens {
    public static final String ISSUER = "https://cognito-idp.local.lapor-warga/officials";
    public static final String AUDIENCE = "lapor-warga-local-officials-app";
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);

    private final RSAKey key;
    private final Clock clock;

    public LocalTokens(Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("local-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create the local signing key", e);
        }
    }

    public LocalTokens() {
        this(Clock.systemUTC());
    }

    /** The public key set, as Cognito publishes it at {@code .well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(key.toPublicJWK().toJSONObject()));
    }

    /**
     * Signs a token for {@code subject} with {@code claims} (custom claims as given) valid for {@code validity}
     * (negative: already expired, for tests).
     */
    public String mint(String subject, Map<String, String> claims, Duration validity) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "id")
                .claim("cognito:username", subject);
        claims.forEach(b::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), b.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /**
     * The claims of a valid token as API Gateway passes them (every value a string), or empty when the signature,
     * issuer, audience, expiry or not-before check fails.
     */
    public Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now))) {
                return Optional.empty();
            }
            Map<String, String> out = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> out.put(name, stringValue(value)));
            return Optional.of(out);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** API Gateway's rendering of claim values: numbers as epoch seconds, lists as {@code [a b]}. */
    static String stringValue(Object value) {
        if (value instanceof Date d) {
            return Long.toString(d.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(list.get(i));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }
}
