package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.gateway.GatewayStartException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the demo gateway inside this process, on loopback, with its files in the given folder. */
public final class EmbeddedGatewayConnector implements GatewayConnector {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGatewayConnector.class);

    private final Path gatewayDir;

    public EmbeddedGatewayConnector(Path gatewayDir) {
        this.gatewayDir = gatewayDir;
    }

    @Override
    public GatewayConnection connect() throws GatewayException {
        Gateway gateway;
        try {
            gateway = Gateway.start(GatewayConfig.embeddedDemo(gatewayDir));
        } catch (GatewayStartException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.embeddedStart", e.getMessage()), e);
        }
        LOG.info("embedded gateway listening at {} (data in {})", gateway.baseUri(), gatewayDir);
        return new GatewayConnection(gateway.baseUri(), gateway.adminToken(), true, gateway.demo(), gateway::close);
    }
}
