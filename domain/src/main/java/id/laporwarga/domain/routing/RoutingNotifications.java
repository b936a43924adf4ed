package id.laporwarga.domain.routing;

/** Port: publishes routing messages. Each call returns the broker's message id or throws when not accepted. */
public interface RoutingNotifications {
    String publishAgencyAlert(AgencyAlert alert);

    String publishCitizenNotice(CitizenNotice notice);
}
