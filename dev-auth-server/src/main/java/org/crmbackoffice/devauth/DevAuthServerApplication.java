package org.crmbackoffice.devauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DevAuthServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(DevAuthServerApplication.class, args);
	}

}
