package id.laporwarga.domain.port;

/**
 * Port: sends one plain-text e-mail (SES {@code SendEmail}) from the platform's verified sender address: the referral of
 * a complaint to the external institution that handles it, and reporters' e-mail notices. Returns the provider's
 * message id, or throws when the provider did not accept the message (the caller retries).
 */
public interface EmailMessaging {
    String sendEmail(String to, String subject, String text);
}
