package org.crmbackoffice.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CustomerInventoryApplication {

	public static void main(String[] args) {
		SpringApplication.run(CustomerInventoryApplication.class, args);
	}

}
