//! One module per page.

pub mod account;
pub mod account_actions;
pub mod applications;
pub mod catalog;
pub mod certificates;
pub mod course;
pub mod history;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod review;
pub mod scan;
pub mod settings;
pub mod verify;
