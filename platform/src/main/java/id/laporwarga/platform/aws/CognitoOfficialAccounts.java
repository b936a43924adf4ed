package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Officials' accounts in the Cognito user pool ({@code OFFICIALS_USER_POOL_ID}): {@code AdminCreateUser} with the
 * claims the functions read ({@code custom:role}, {@code custom:tenant}, {@code custom:area}) and the invitation by
 * e-mail or SMS; {@code AdminDisableUser} / {@code AdminEnableUser} for a replaced or returning holder. The person's
 * name and contact go to the user pool only, never to logs.
 */
@Singleton
@Requires(classes = CognitoIdentityProviderClient.class)
public class CognitoOfficialAccounts implements OfficialAccounts {
    private static final JsonLog LOG = JsonLog.get(CognitoOfficialAccounts.class);

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoOfficialAccounts(CognitoIdentityProviderClient cognito, FunctionEnvironment env) {
        this.cognito = cognito;
        this.userPoolId = env.require(FunctionEnvironment.OFFICIALS_USER_POOL_ID);
    }

    @Override
    public void invite(Invitation invitation) {
        List<AttributeType> attributes = new ArrayList<>();
        attributes.add(attribute("custom:role", invitation.role().name()));
        attributes.add(attribute("custom:tenant", invitation.tenantId()));
        attributes.add(attribute("custom:area", invitation.area()));
        if (invitation.name() != null) {
            attributes.add(attribute("name", invitation.name()));
        }
        if (invitation.email() != null) {
            attributes.add(attribute("email", invitation.email()));
            attributes.add(attribute("email_verified", "true"));
        }
        if (invitation.phone() != null) {
            attributes.add(attribute("phone_number", invitation.phone()));
            attributes.add(attribute("phone_number_verified", "true"));
        }
        DeliveryMediumType medium = invitation.medium() == Medium.SMS ? DeliveryMediumType.SMS : DeliveryMediumType.EMAIL;
        try {
            cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(invitation.username())
                    .userAttributes(attributes).desiredDeliveryMediums(medium));
            LOG.info("account.invited", "tenant", invitation.tenantId(), "role", invitation.role().name(),
                    "area", invitation.area(), "medium", medium.toString());
        } catch (UsernameExistsException e) {
            LOG.info("account.exists", "tenant", invitation.tenantId(), "area", invitation.area());
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            throw unavailable("invite", e);
        }
    }

    @Override
    public void disable(String username) {
        try {
            cognito.adminDisableUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // nothing to disable
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            throw unavailable("disable", e);
        }
    }

    @Override
    public void enable(String username) {
        try {
            cognito.adminEnableUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // nothing to enable
        } catch (CognitoIdentityProviderException | SdkClientException e) {
            throw unavailable("enable", e);
        }
    }

    private static AccountsUnavailableException unavailable(String what, RuntimeException e) {
        String code = e instanceof CognitoIdentityProviderException c && c.awsErrorDetails() != null
                ? c.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
        LOG.warn("account." + what + "_failed", "error", code);
        return new AccountsUnavailableException("user pool: " + what + " failed (" + code + ")", e);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
